package org.norrlab.archfixture.libs.sync;

import java.sql.Connection;
import java.sql.SQLException;

/** A planted violation: JDBC outside store. */
public class RunsSql {
    public boolean open(Connection connection) throws SQLException {
        return !connection.isClosed();
    }
}
