package org.norrlab.testing;

import java.io.IOException;
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

    public void kill() throws InterruptedException {
        socat.destroyForcibly().waitFor();
    }

    public void restart() throws IOException, InterruptedException {
        kill();
        Files.deleteIfExists(host);
        Files.deleteIfExists(device);
        start();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
