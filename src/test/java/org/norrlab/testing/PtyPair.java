package org.norrlab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two linked pseudo-terminals made by socat: real ttys, so drivers open them through jSerialComm
 * exactly as they open hardware. {@link #kill} and {@link #restart} simulate an unplugged cable.
 */
public final class PtyPair implements AutoCloseable {
    private final Path host;
    private final Path device;
    private Process socat;

    public PtyPair(Path directory) throws IOException, InterruptedException {
        this.host = directory.resolve("ttyHost");
        this.device = directory.resolve("ttyDevice");
        start();
    }

    private void start() throws IOException, InterruptedException {
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(host) && Files.exists(device))) {
            if (System.nanoTime() > deadline || !socat.isAlive()) {
                throw new IOException("socat did not create the pty pair (is socat installed?)");
            }
            Thread.sleep(20);
        }
    }

    /** The end a driver opens. */
    public String host() {
        return host.toString();
    }

    /** The end an emulator opens. */
    public String device() {
        return device.toString();
    }

    /**
     * Pulls the cable: socat dies and its links go, as an unplugged adapter's device node does. A link
     * left behind would point at a /dev/pts number the system hands to the next pty made on this
     * machine, by any process, so a driver reconnecting to it could reach a stranger's device.
     */
    public void kill() throws InterruptedException {
        socat.destroyForcibly().waitFor();
        try {
            Files.deleteIfExists(host);
            Files.deleteIfExists(device);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the links of a killed pty pair", e);
        }
    }

    public void restart() throws IOException, InterruptedException {
        kill();
        start();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
