package dev.tack.tui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import com.googlecode.lanterna.input.KeyStroke;

/**
 * A form waiting for its save, settled once the outcome is back: saved, the form closes; refused,
 * it shows why and stays open. Keys typed while it waited are then replayed for whoever takes
 * keys. With a host that writes at once (tests), the outcome is back before the form hears of it:
 * it is then answered directly.
 */
final class FormWait {

    private final Form form;
    private final DialogStack dialogs;
    private final Consumer<KeyStroke> replay;
    private final Supplier<String> waitingNote;
    private boolean answered;
    private boolean settled;
    private String refusal;
    /** The write it waits for now (a save may take two). */
    Writes.Pending pending = Writes.NONE;

    FormWait(Form form, DialogStack dialogs, Consumer<KeyStroke> replay, Supplier<String> waitingNote) {
        this.form = form;
        this.dialogs = dialogs;
        this.replay = replay;
        this.waitingNote = waitingNote;
    }

    void settle(String why) {
        if (!answered) {
            settled = true;
            refusal = why;
            return;
        }
        List<KeyStroke> held = form.settle(why);
        if (why == null) {
            dialogs.remove(form);
        }
        held.forEach(replay); // typed while it waited: now for whoever takes keys
    }

    Form.Saved answer() {
        answered = true;
        if (settled) {
            return Form.Saved.of(refusal);
        }
        return new Form.Saved.Waiting(() -> {
            String note = waitingNote.get();
            return note != null ? note : "saving…";
        }, () -> pending.stop());
    }
}
