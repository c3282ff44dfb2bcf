package org.norrlab.gui;

import org.junit.jupiter.api.Test;
import org.norrlab.core.EventKind;
import org.norrlab.run.RunOutcome;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredEvent;

import javax.swing.AbstractButton;
import javax.swing.JLabel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.norrlab.gui.GuiDriver.await;
import static org.norrlab.gui.GuiDriver.findAll;
import static org.norrlab.gui.GuiDriver.onDialog;
import static org.norrlab.gui.GuiDriver.onEdt;
import static org.norrlab.gui.GuiDriver.screenshot;

/** A hold in the window: a dialog that cannot be missed, "waiting for operator" in the run view, Continue goes on. */
class HoldDialogTest extends WithWindow {
    @Test
    void aHoldOpensADialogAndContinueLetsTheRunGoOn() throws Exception {
        Path protocol = temp.resolve("hold.yaml");
        Files.writeString(protocol, """
                steps:
                  - ca: {potential: -0.5 V vs RHE, duration: 10 s, interval: 100 ms}
                  - hold: {message: Replace the catholyte, timeout: 30 min, on_timeout: abort}
                  - ca: {potential: -0.6 V vs RHE, duration: 10 s, interval: 100 ms}
                """);
        RunPanel run = window.runPanel();
        onEdt(() -> {
            run.protocols().addItem(protocol);
            run.protocols().setSelectedItem(protocol);
            run.speed().setSelectedItem("max");
        });
        await("the plan with its hold", WAIT, () -> run.planModel().getRowCount() == 3);
        AtomicReference<String> shown = new AtomicReference<>();
        AtomicReference<javax.swing.JDialog> dialog = new AtomicReference<>();
        onDialog(d -> d.getTitle().startsWith(HoldDialog.TITLE), d -> {
            shown.set(d.getTitle() + " | " + String.join(" | ", findAll(d, JLabel.class).stream().map(JLabel::getText)
                    .toList()));
            dialog.set(d);
        });
        onEdt(run::start);
        await("the hold's dialog", WAIT, () -> dialog.get() != null);
        await("the run view says it waits", WAIT, () -> run.stateLabel().getText()
                .startsWith("Waiting for operator: step 2 of 3"));
        screenshot(dialog.get().getRootPane(), "hold-dialog");
        assertThat(shown.get()).startsWith("Waiting for the operator (step 2) | Replace the catholyte | Cell: off"
                + " | Timeout: 30 min, then abort | Or from a terminal: norrlab continue 1");
        onEdt(() -> findAll(dialog.get(), AbstractButton.class).stream()
                .filter(b -> b.getText().equals(HoldDialog.CONTINUE)).findFirst().orElseThrow().doClick());

        await("the end of the run", WAIT, () -> !run.running());
        RunOutcome outcome = run.lastOutcome().orElseThrow();
        assertThat(outcome.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(onEdt(() -> dialog.get().isShowing())).isFalse();
        try (SessionStore store = SessionStore.open(StoreLocation.file(database))) {
            List<StoredEvent> holds = store.events(outcome.sessionId()).stream()
                    .filter(e -> e.event().kind() == EventKind.HOLD).toList();
            assertThat(holds).hasSize(1);
            assertThat(holds.get(0).event().values()).containsEntry("continued_by", 0.0);
            assertThat(holds.get(0).event().message()).startsWith("hold 'Replace the catholyte': the operator continued");
            assertThat(store.steps(outcome.sessionId())).hasSize(3);
        }
    }
}
