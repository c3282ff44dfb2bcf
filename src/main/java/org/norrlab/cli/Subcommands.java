package org.norrlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.Set;

/**
 * norrlab's subcommands, by name, in the order --help lists them. A start registers only the subcommand it runs:
 * picocli reads every registered command's annotations and loads its classes (options, mixins, their static
 * loggers...), which for all 23 commands cost more than the JVM's own start. {@code --help} and a bare
 * {@code norrlab} list the commands from the one-line summaries kept here, without loading any of them;
 * SubcommandsTest checks that each summary is still the first line of its command's description and that the help
 * printed from this table is the help printed with every command registered.
 */
final class Subcommands {
    /** One subcommand: its name and the first line of its description, which is what the parent's --help lists. */
    record Entry(String name, String summary) {
    }

    static final List<Entry> ALL = List.of(
            new Entry("run",
                    "Runs a protocol on an instrument and stores the session. Ctrl-C aborts: the cell is turned off and every sample already acquired is kept."),
            new Entry("plan",
                    "Prints every step of a protocol with both potentials and the total duration, and applies the checks 'run' applies (against the instrument profile, without opening it)."),
            new Entry("sessions",
                    "Lists the sessions in the database."),
            new Entry("show",
                    "Shows one session: settings, steps and events."),
            new Entry("export",
                    "Writes a session as CSV (with a commented metadata header), JSON, or JSON Lines; CSV and JSON Lines import back."),
            new Entry("calib",
                    "Assay calibrations: add from standards, list, show."),
            new Entry("assay",
                    "Product measurements of a session's steps: add, import, list, correct, remove, and the history of corrections."),
            new Entry("aliquot",
                    "Aliquots taken out of a session's catholyte by hand, outside its protocol: add, list."),
            new Entry("control",
                    "Marks a control run (open circuit, Ar instead of NO, bare substrate) for a session's steps."),
            new Entry("analyze",
                    "Charge, product amounts, faradaic efficiencies and NH3 yield of every CA step of a session; with several sessions of one protocol, their mean and standard deviation per potential."),
            new Entry("report",
                    "Writes a session's figures as PNG and SVG, and its summary as summary.json and summary.md."),
            new Entry("ports",
                    "Lists serial ports with their stable path, USB ids, serial number and the instrument profiles each matches."),
            new Entry("emulate",
                    "Plays an instrument on a serial port, backed by the simulated NORR cell, until Ctrl-C."),
            new Entry("bench",
                    "Measures norrlab's stages against their limits, each with its reference in the same run."),
            new Entry("replay",
                    "Runs a recorded session again as a new session linked to it."),
            new Entry("import",
                    "Turns files from other software (potentiostat exports, CSV) into sessions."),
            new Entry("resume",
                    "Continues an interrupted session (crash, kill, power cut, lost link) as a new session linked to it."),
            new Entry("continue",
                    "Lets a run that waits for the operator at a hold go on, from another terminal of the same computer."),
            new Entry("gui",
                    "Opens the desktop window: run (instrument, protocol, live charts, pause, abort), sessions and analysis."),
            new Entry("sync",
                    "Copies this bench's sessions into the lab's PostgreSQL database (lab_database in config/site.yaml, or --to)."),
            new Entry("session",
                    "Changes made to a stored session after its run."),
            new Entry("ru",
                    "The uncompensated resistance R_u that iR-corrects a session's potentials: E_corr = E − I·R_u·(1 − c)."),
            new Entry("alert",
                    "Alerts on the events of a run, sent to the channels of config/site.yaml: test."),
            new Entry("serve",
                    "Serves a read-only status page of every session in the store, with a live chart of the running step, until Ctrl-C."));

    /** The top-level options that need no subcommand: the version, and the usage, which lists them by summary. */
    private static final Set<String> TOP_LEVEL_ONLY = Set.of("-h", "--help", "-V", "--version");

    private Subcommands() {
    }

    /** A new instance of the command called {@code name}; an unknown name is a programming error. */
    static Object create(String name) {
        return switch (name) {
            case "run" -> new RunCommand();
            case "plan" -> new PlanCommand();
            case "sessions" -> new SessionsCommand();
            case "show" -> new ShowCommand();
            case "export" -> new ExportCommand();
            case "calib" -> new CalibCommand();
            case "assay" -> new AssayCommand();
            case "aliquot" -> new AliquotCommand();
            case "control" -> new ControlCommand();
            case "analyze" -> new AnalyzeCommand();
            case "report" -> new ReportCommand();
            case "ports" -> new PortsCommand();
            case "emulate" -> new EmulateCommand();
            case "bench" -> new BenchCommand();
            case "replay" -> new ReplayCommand();
            case "import" -> new ImportCommand();
            case "resume" -> new ResumeCommand();
            case "continue" -> new ContinueCommand();
            case "gui" -> new GuiCommand();
            case "sync" -> new SyncCommand();
            case "session" -> new SessionCommand();
            case "ru" -> new RuCommand();
            case "alert" -> new AlertCommand();
            case "serve" -> new ServeCommand();
            default -> throw new IllegalArgumentException("no norrlab command called '" + name + "'");
        };
    }

    /** Registers every subcommand, each with its own class: the whole command line, as tests and docs see it. */
    static void registerAll(CommandLine cli) {
        for (Entry entry : ALL) {
            cli.addSubcommand(entry.name(), create(entry.name()));
        }
    }

    /**
     * Registers what {@code args} need: for {@code norrlab NAME ...} only NAME's command; for no arguments or only
     * {@code --help}/{@code --version}, a summary-only stand-in for each (enough for the usage); for anything else
     * (an {@code @argfile}, a misspelt name that picocli answers with suggestions, options in an unusual place) every
     * command, exactly as before.
     */
    static void registerFor(CommandLine cli, String[] args) {
        if (args.length > 0 && isName(args[0])) {
            cli.addSubcommand(args[0], create(args[0]));
        } else if (TOP_LEVEL_ONLY.containsAll(List.of(args))) {
            for (Entry entry : ALL) {
                CommandSpec standIn = CommandSpec.create().name(entry.name());
                standIn.usageMessage().description(entry.summary());
                cli.addSubcommand(entry.name(), standIn);
            }
        } else {
            registerAll(cli);
        }
    }

    private static boolean isName(String arg) {
        for (Entry entry : ALL) {
            if (entry.name().equals(arg)) {
                return true;
            }
        }
        return false;
    }
}
