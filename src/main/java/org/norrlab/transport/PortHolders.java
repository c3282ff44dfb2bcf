package org.norrlab.transport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which other processes hold a serial device open, read from /proc (Linux). A tty can be opened by two
 * programs at once and jSerialComm only sees a program that took its lock, so a terminal or PSTrace under
 * Wine holding the port would otherwise eat the instrument's replies and the run would report silence.
 * Best effort: processes of other users cannot be seen without root, and there is no /proc elsewhere.
 */
final class PortHolders {
    private static final Path PROC = Path.of("/proc");
    private static final Path PTY_MASTER = Path.of("/dev/ptmx");

    private PortHolders() {
    }

    /** The other processes that have {@code device} open, each as "pid 1234, minicom"; empty if none can be seen. */
    static List<String> of(Path device) {
        List<String> holders = new ArrayList<>();
        if (!Files.isDirectory(PROC)) {
            return holders;
        }
        long self = ProcessHandle.current().pid();
        // The program that made a pseudo-terminal holds its ends too (socat, an emulator): it is the other end
        // of the line, not a competitor for it.
        boolean pty = device.startsWith("/dev/pts");
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                if (Long.parseLong(process.getFileName().toString()) == self) {
                    continue;
                }
                List<Path> open = openFiles(process);
                if (open.contains(device) && !(pty && open.contains(PTY_MASTER))) {
                    holders.add("pid " + process.getFileName() + ", " + name(process));
                }
            }
        } catch (IOException | RuntimeException e) {
            // /proc changed under us or is not what Linux makes it: nothing certain to say.
            return List.of();
        }
        return holders;
    }

    private static List<Path> openFiles(Path process) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path descriptor : descriptors) {
                try {
                    files.add(Files.readSymbolicLink(descriptor));
                } catch (IOException e) {
                    // closed while we looked
                }
            }
        } catch (IOException e) {
            // another user's process, or one that ended: not visible
        }
        return files;
    }

    private static String name(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException e) {
            return "a program that has ended";
        }
    }
}
