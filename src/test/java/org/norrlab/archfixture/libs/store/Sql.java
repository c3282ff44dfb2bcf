package org.norrlab.archfixture.libs.store;

import java.sql.Connection;
import java.sql.SQLException;

/** JDBC where it belongs: no violation. */
public class Sql {
    public boolean open(Connection connection) throws SQLException {
        return !connection.isClosed();
    }
}
