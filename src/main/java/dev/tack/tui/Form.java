package dev.tack.tui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * A small form in a box: labelled fields, one focused. Enter on a one-line field saves (so a
 * quick title and Enter is enough); in a multi-line field Enter starts a new line unless the field
 * says otherwise, and Alt+Enter saves from anywhere. Esc cancels. Saving calls {@code onSave},
 * which answers {@link Saved}: done (the form closes), refused (the form stays open with what the
 * person typed, and shows the reason) or waiting (the write waits for the lock: the form stays open
 * and says so, Esc stops waiting, and keys typed meanwhile are held and replayed once it settles,
 * so nothing typed is lost).
 */
final class Form implements Dialog {

    /** What a save answered. */
    sealed interface Saved {
        Saved DONE = new Done();

        record Done() implements Saved {
        }

        record Refused(String reason) implements Saved {
        }

        /** The write went off the loop; {@code note} says what it waits for, {@code stop} stops waiting. */
        record Waiting(Supplier<String> note, Runnable stop) implements Saved {
        }

        /** Done when {@code refusal} is null, else refused for it. */
        static Saved of(String refusal) {
            return refusal == null ? DONE : new Refused(refusal);
        }
    }

    /**
     * One field: a label, its input, how many rows it shows, whether Enter saves even when
     * multi-line, and whether entering it selects its text (so that typing replaces it).
     */
    record Field(String name, String label, TextField input, int rows, boolean enterSaves, boolean selectOnEntry) {
        static Field line(String name, String label, String value) {
            return new Field(name, label, new TextField(value, false), 1, true, false);
        }

        /** One short value (a priority, a limit): typing replaces what it holds, as in a selected field. */
        static Field value(String name, String label, String value) {
            return new Field(name, label, new TextField(value, false), 1, true, true);
        }

        static Field area(String name, String label, String value, int rows) {
            return new Field(name, label, new TextField(value, true), rows, false, false);
        }

        /** Several lines where Enter saves and Alt+Enter starts a new line: a comment. */
        static Field note(String name, String label, String value, int rows) {
            return new Field(name, label, new TextField(value, true), rows, true, false);
        }
    }

    static final Pen BORDER = Pen.PLAIN.fg(TextColor.ANSI.CYAN);
    static final Pen LABEL = Pen.PLAIN.fg(TextColor.ANSI.CYAN);
    static final Pen FIELD = Pen.PLAIN.bg(TextColor.ANSI.BLACK_BRIGHT).fg(TextColor.ANSI.WHITE_BRIGHT);

    static final String WAITING_HINT = "Esc stops waiting · keys typed now act once it is saved";

    private final String title;
    private final List<Field> fields;
    private final Function<Form, Saved> onSave;
    /** The save that waits for its write, or null. */
    private Saved.Waiting waiting;
    /** Keys typed while the save waits, replayed once it settles. */
    private final List<KeyStroke> held = new ArrayList<>();
    private final Map<String, String> initial = new LinkedHashMap<>();
    private int focus;
    private String message;
    private final String hint;

    Form(String title, List<Field> fields, Function<Form, Saved> onSave) {
        this.title = title;
        this.fields = new ArrayList<>(fields);
        this.onSave = onSave;
        fields.forEach(f -> initial.put(f.name(), f.input().text()));
        entered();
        boolean anyArea = fields.stream().anyMatch(f -> f.input().multiline() && !f.enterSaves());
        boolean anyNote = fields.stream().anyMatch(f -> f.input().multiline() && f.enterSaves());
        String nav = fields.size() > 1 ? "Tab next field · " : "";
        this.hint = anyNote ? "Enter save · Alt+Enter new line · Esc cancel"
                : nav + (anyArea ? "Enter save (in text: new line; Alt+Enter saves) · Esc cancel" : "Enter save · Esc cancel");
    }

    String value(String name) {
        return field(name).input().text();
    }

    /** True when the person changed the field since the form opened. */
    boolean changed(String name) {
        return !value(name).equals(initial.get(name));
    }

    String message() {
        return message;
    }

    void focus(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                focus = i;
            }
        }
        entered();
    }

    private void entered() {
        Field current = fields.get(focus);
        if (current.selectOnEntry()) {
            current.input().selectAll();
        }
    }

    TextField fieldInput(String name) {
        return field(name).input();
    }

    private Field field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + name));
    }

    /** True while the save waits for its write. */
    boolean waiting() {
        return waiting != null;
    }

    /**
     * The waiting save came back: refused (null when saved) shows the reason and the form goes on;
     * returns the keys typed meanwhile, for whoever takes the keys now (this form, or the board).
     */
    List<KeyStroke> settle(String refusal) {
        waiting = null;
        message = refusal;
        List<KeyStroke> keys = List.copyOf(held);
        held.clear();
        return keys;
    }

    @Override
    public boolean handle(KeyStroke key) {
        Field current = fields.get(focus);
        KeyType type = key.getKeyType();
        if (waiting != null) {
            if (type == KeyType.Escape) {
                waiting.stop().run(); // the outcome (stopped, or saved after all) settles the form
            } else {
                held.add(key);
            }
            return true;
        }
        if (type == KeyType.Escape) {
            return false;
        }
        if (type == KeyType.Enter) {
            boolean multi = current.input().multiline();
            if (multi && current.enterSaves() && key.isAltDown()) {
                current.input().insert("\n");
                return true;
            }
            if (multi && !current.enterSaves() && !key.isAltDown()) {
                current.input().handle(key);
                return true;
            }
            return save();
        }
        if (type == KeyType.Tab || type == KeyType.ReverseTab) {
            move(type == KeyType.Tab ? 1 : -1);
            return true;
        }
        if (current.input().handle(key)) {
            message = null;
            return true;
        }
        if (type == KeyType.ArrowDown) {
            move(1);
        } else if (type == KeyType.ArrowUp) {
            move(-1);
        }
        return true;
    }

    private void move(int delta) {
        focus = Math.floorMod(focus + delta, fields.size());
        entered();
    }

    private boolean save() {
        Saved saved = onSave.apply(this);
        if (saved instanceof Saved.Done) {
            return false;
        }
        if (saved instanceof Saved.Waiting w) {
            waiting = w;
            message = null;
        } else if (saved instanceof Saved.Refused r) {
            message = r.reason();
        }
        return true;
    }

    @Override
    public void render(Canvas canvas, Layout layout) {
        int wanted = 2 + fields.stream().mapToInt(Field::rows).sum() + 2;
        int spare = layout.height() - 2 - wanted;
        int[] box = Dialog.centred(layout, 76, wanted);
        int x = box[0];
        int y = box[1];
        int w = box[2];
        int h = box[3];
        canvas.box(x, y, w, h, title, BORDER, Pen.PLAIN);
        int labelWidth = Math.min(w / 3, fields.stream().mapToInt(f -> dev.tack.text.Width.of(f.label())).max().orElse(6) + 1);
        int inputX = x + 2 + labelWidth;
        int inputW = w - labelWidth - 4;
        int row = y + 1;
        int bottom = y + h - 3;
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            int rows = f.rows();
            if (spare < 0 && rows > 1) {
                rows = Math.max(1, rows + spare);
                spare = 0;
            }
            if (row + rows - 1 > bottom) {
                rows = Math.max(0, bottom - row + 1);
            }
            if (rows == 0) {
                break;
            }
            canvas.text(x + 2, row, f.label(), labelWidth, i == focus ? LABEL.bold() : LABEL);
            f.input().render(canvas, inputX, row, inputW, rows, i == focus, FIELD);
            row += rows;
        }
        if (waiting != null) {
            canvas.line(x + 2, y + h - 3, waiting.note().get(), w - 4, BoardRenderer.WAITING);
        } else if (message != null) {
            canvas.line(x + 2, y + h - 3, message, w - 4, BoardRenderer.ERROR);
        }
        canvas.line(x + 2, y + h - 2, waiting != null ? WAITING_HINT : hint, w - 4, BoardRenderer.DIM);
    }
}
