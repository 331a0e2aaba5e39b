package dev.tack.tui;

import java.util.ArrayList;
import java.util.List;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.board.CardEdit;
import dev.tack.model.Card;

/**
 * Shown when a save finds that someone else changed the card since the person read it: for each
 * field the person changed, their version and the person's, and the choice: keep theirs (nothing is
 * written), overwrite with yours (written against their version, so a third change is caught
 * again) or edit again starting from both.
 */
final class ConflictChooser implements Dialog {

    /** What the person may choose. */
    interface Choice {
        void keepTheirs();

        void overwrite();

        void editAgain();
    }

    static final Pen THEIRS = Pen.PLAIN.fg(TextColor.ANSI.YELLOW);
    static final Pen YOURS = Pen.PLAIN.fg(TextColor.ANSI.GREEN);

    private final Card theirs;
    private final CardEdit yours;
    private final String who;
    private final Choice choice;
    private final Pager pager = new Pager();

    ConflictChooser(Card original, Card theirs, CardEdit yours, String who, Choice choice) {
        this.theirs = theirs;
        this.yours = yours;
        this.who = who;
        this.choice = choice;
        List<Pager.Para> paras = new ArrayList<>();
        paras.add(new Pager.Para(who + " changed #" + theirs.id() + " while you were editing it.", Pen.PLAIN.bold(), 0));
        List<String> theyChanged = CardForm.differences(original, theirs);
        if (theirs.archived() && !original.archived()) {
            paras.add(new Pager.Para("They archived it: saving yours changes an archived card (tack restore "
                    + theirs.id() + " brings it back).", BoardRenderer.ERROR, 0));
        }
        if (!theyChanged.isEmpty()) {
            paras.add(new Pager.Para("They changed: " + String.join(", ", theyChanged.stream().map(CardForm::label).toList())
                    + (theirs.columnId() != original.columnId() ? " (and moved it to " + theirs.column() + ")" : ""), Pen.PLAIN, 0));
        } else if (theirs.columnId() != original.columnId() || theirs.position() != original.position()) {
            paras.add(new Pager.Para("They moved it (now in " + theirs.column() + ").", Pen.PLAIN, 0));
        }
        for (String field : CardForm.touched(yours)) {
            paras.add(new Pager.Para("", Pen.PLAIN, 0));
            paras.add(new Pager.Para(CardForm.label(field), Pen.PLAIN.bold(), 0));
            paras.add(new Pager.Para("theirs: " + shown(CardForm.shown(theirs).get(field)), THEIRS, 2));
            paras.add(new Pager.Para("yours:  " + shown(CardForm.after(theirs, yours, field)), YOURS, 2));
        }
        pager.content(paras);
    }

    private static String shown(String value) {
        return value == null || value.isEmpty() ? "(empty)" : value;
    }

    Card theirs() {
        return theirs;
    }

    String who() {
        return who;
    }

    @Override
    public boolean handle(KeyStroke key) {
        if (pager.scrollKey(key)) {
            return true;
        }
        KeyType type = key.getKeyType();
        if (type == KeyType.Escape) {
            choice.keepTheirs();
            return false;
        }
        if (type == KeyType.Character && !key.isCtrlDown()) {
            switch (Character.toLowerCase(key.getCharacter())) {
                case 't' -> {
                    choice.keepTheirs();
                    return false;
                }
                case 'y', 'o' -> {
                    choice.overwrite();
                    return false;
                }
                case 'e' -> {
                    choice.editAgain();
                    return false;
                }
                default -> {
                    return true;
                }
            }
        }
        return true;
    }

    @Override
    public void render(Canvas canvas, Layout layout) {
        int[] box = Dialog.centred(layout, 80, layout.height() - 4);
        canvas.box(box[0], box[1], box[2], box[3], "Changed meanwhile: choose", BoardRenderer.ERROR, Pen.PLAIN);
        pager.render(canvas, box[0] + 2, box[1] + 1, box[2] - 4, box[3] - 3);
        canvas.line(box[0] + 2, box[1] + box[3] - 2, "t / Esc keep theirs · y overwrite with yours · e edit again",
                box[2] - 4, BoardRenderer.DIM);
    }
}
