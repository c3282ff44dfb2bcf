package org.norrlab.cli;

import org.norrlab.alert.Alert;
import org.norrlab.alert.AlertChannel;
import org.norrlab.alert.AlertSettings;
import org.norrlab.core.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

@Command(name = "alert", mixinStandardHelpOptions = true, description = {
        "Alerts on the events of a run, sent to the channels of config/site.yaml: test.",
        "Channels: webhooks (a JSON POST whose text field Slack and Mattermost show as the message), e-mail (SMTP",
        "with STARTTLS) and MQTT (the webhook's JSON published to a topic)."},
        subcommands = {AlertCommand.Test.class})
final class AlertCommand extends CommandGroup {

    @Command(name = "test", mixinStandardHelpOptions = true, description = {
            "Sends a test alert on every configured channel and says, per channel, whether it was delivered.",
            "Delivered means the other end accepted it (a webhook: it answered with HTTP 2xx; e-mail: the server took",
            "the message; MQTT: the broker acknowledged it, at QoS 1 or 2); each channel is tried",
            "once, all at the same time, so a channel that never answers costs its own timeout only."})
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOptions homeOptions;

        @Override
        public Integer call() throws Exception {
            AlertSettings settings = AlertSettings.of(homeOptions.site());
            List<AlertChannel> channels = settings.channels();
            if (channels.isEmpty()) {
                throw new BadInputException("no alert channels: add a webhook, an e-mail or an MQTT entry under"
                        + " alerts: in config/site.yaml (the commented example there shows how)");
            }
            Alert alert = new Alert(Alert.Kind.TEST, settings.bench(), Optional.empty(),
                    "a test message from 'norrlab alert test'; this channel works", "not touched by this test",
                    Instant.now(), Optional.empty());
            // One thread per channel, all started before any is waited for: a channel that never answers must not
            // delay the others' results (each send ends by its own timeout).
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (AlertChannel channel : channels) {
                CompletableFuture<String> result = new CompletableFuture<>();
                Thread thread = new Thread(() -> result.complete(attempt(channel, alert)), "alert test " + channel.name());
                thread.setDaemon(true);
                thread.start();
                results.add(result);
            }
            PrintWriter out = spec.commandLine().getOut();
            int failed = 0;
            for (int i = 0; i < channels.size(); i++) {
                String outcome = results.get(i).join();
                if (!outcome.equals(DELIVERED)) {
                    failed++;
                }
                out.println(channels.get(i).name() + ": " + outcome);
                out.flush();
            }
            if (failed > 0) {
                spec.commandLine().getErr().println(failed + " of " + channels.size() + " alert channel"
                        + (channels.size() == 1 ? "" : "s") + " failed.");
            }
            return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        }

        private static final String DELIVERED = "delivered";

        /** What became of one try: {@link #DELIVERED} when the channel returned, else why not. */
        private static String attempt(AlertChannel channel, Alert alert) {
            try {
                channel.send(alert);
                return DELIVERED;
            } catch (IOException e) {
                return "failed: " + e.getMessage();
            } catch (RuntimeException e) {
                return "failed: unexpected " + e.getClass().getName();
            }
        }
    }
}
