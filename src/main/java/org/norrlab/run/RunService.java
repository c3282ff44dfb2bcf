package org.norrlab.run;

import org.norrlab.Version;
import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.OpenOptions;
import org.norrlab.driver.Potentiostat;
import org.norrlab.plan.Plan;
import org.norrlab.plan.ProtocolLoader;
import org.norrlab.scheduler.PlanCheck;

import java.nio.file.Path;
import java.util.List;

/** Prepares runs: everything that can be refused is refused here, before a session or the cell is touched. */
public final class RunService {
    public static final String DEFAULT_DATABASE = "norrlab.db";

    private final SiteConfig site;
    private final DriverRegistry drivers;

    public RunService(SiteConfig site) {
        this.site = site;
        this.drivers = new DriverRegistry(site.home());
    }

    public Path defaultDatabase() {
        return site.dataDirectory().resolve(DEFAULT_DATABASE);
    }

    public Plan loadPlan(Path protocol) throws ConfigException {
        return ProtocolLoader.load(protocol, site);
    }

    public PreparedRun prepare(RunRequest request) throws ConfigException, DriverException, PlanRejectedException {
        Plan plan = loadPlan(request.protocol());
        InstrumentProfile profile = drivers.profile(request.instrument());
        List<String> problems = PlanCheck.problems(plan, profile.capabilities(), profile.name());
        if (!problems.isEmpty()) {
            throw new PlanRejectedException(profile.name(), problems);
        }
        OpenOptions options = new OpenOptions(plan.cell(), request.speed(), request.seed(), request.port(),
                request.preset(), site.home());
        Potentiostat instrument = drivers.open(profile, options);
        try {
            return new PreparedRun(plan, profile, instrument, instrument.identify(), request,
                    request.database().orElse(defaultDatabase()), Version.current());
        } catch (DriverException | RuntimeException e) {
            instrument.close();
            throw e;
        }
    }
}
