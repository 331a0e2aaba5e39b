package dev.tack.tui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import dev.tack.board.CardEdit;
import dev.tack.board.Cards;
import dev.tack.board.Checklists;
import dev.tack.board.Links;
import dev.tack.board.History;
import dev.tack.board.NewCard;
import dev.tack.model.Card;
import dev.tack.model.Event;
import dev.tack.model.TackException;

/**
 * What the board's keys do to a card: new, edit (with the merge of someone else's change to other
 * fields, and the conflict chooser for the same field), the description in {@code $EDITOR},
 * comment, archive, reorder, undo and redo. Each is one board call through the controller's
 * {@link BoardController#submit}, off the loop; the outcome is routed by its kind.
 */
final class CardActions {

    private final BoardController controller;
    private final BoardController.Host host;

    CardActions(BoardController controller, BoardController.Host host) {
        this.controller = controller;
        this.host = host;
    }

    /** Undo or redo, then keep the selection on the card that changed (when it is still shown). */
    void undoOrRedo(boolean redo) {
        History history = new History(controller.workspace());
        controller.submit(() -> redo ? history.redoStep() : history.undoStep(), null, outcome -> {
            if (outcome instanceof WriteOutcome.Done done && done.result() instanceof History.Step step) {
                Card changed = step.card();
                if (!changed.archived()) {
                    controller.model().select(changed.id());
                }
                controller.info(step.summary() + (changed.archived() ? " (now archived)" : ""));
            } else if (outcome instanceof WriteOutcome.Stale stale) {
                controller.error(stale.reason());
            }
        });
    }

    void shift(Card card, int delta) {
        List<Card> shown = controller.model().currentLane().map(BoardModel.Lane::cards).orElse(List.of());
        int index = controller.model().selectedIndex();
        if (!controller.model().filtered()) {
            controller.submit(() -> controller.cards().shift(card.id(), delta, null), null, null);
            return;
        }
        int target = index + Integer.signum(delta);
        if (target < 0 || target >= shown.size()) {
            return;
        }
        int position = shown.get(target).position();
        controller.submit(() -> controller.cards().move(card.id(), null, position, null), null, null);
    }

    void newCard() {
        Optional<BoardModel.Lane> lane = controller.model().currentLane();
        if (lane.isEmpty()) {
            controller.error("this board has no columns yet: press C to add one");
            return;
        }
        String column = lane.get().column().name();
        controller.push(CardForm.create(column, form -> {
            CardForm.Values v;
            try {
                v = CardForm.read(form, controller.today());
            } catch (TackException e) {
                return new Form.Saved.Refused(e.getMessage());
            }
            return controller.saveFrom(form, () -> controller.cards().add(new NewCard(v.title(), column, v.description(), v.tags(),
                    v.priority(), v.due(), v.assignee(), null)), null, outcome -> {
                        if (outcome instanceof WriteOutcome.Done done && done.result() instanceof Card added) {
                            controller.model().select(added.id());
                            controller.info("added #" + added.id() + " to " + column);
                        }
                    });
        }));
    }

    void edit(Card card) {
        openEdit(card, Map.of());
    }

    private void openEdit(Card base, Map<String, String> typed) {
        controller.push(CardForm.edit(base, typed, form -> {
            CardForm.Values v;
            try {
                v = CardForm.read(form, controller.today());
            } catch (TackException e) {
                return new Form.Saved.Refused(e.getMessage());
            }
            CardEdit edit = CardForm.edit(form, v, base);
            if (edit.isEmpty()) {
                controller.info("nothing changed");
                return Form.Saved.DONE;
            }
            FormWait wait = controller.formWait(form);
            save(base, edit, wait);
            return wait.answer();
        }));
    }

    /**
     * Saves an edit made on {@code seen} (the version the person read), off the loop. When someone
     * changed the card meanwhile: if they touched none of the fields this edit changes, nothing of
     * theirs is lost and it is saved on top of their version; otherwise the person sees both and
     * chooses. {@code wait} (the form's, or null) settles with a refusal to show, or null when the
     * form may close.
     */
    private void save(Card seen, CardEdit edit, FormWait wait) {
        Consumer<String> settle = refusal -> {
            if (wait != null) {
                wait.settle(refusal);
            }
        };
        Writes.Pending first = controller.submit(() -> controller.cards().edit(seen.id(), edit, seen.version()), "saved #" + seen.id(), outcome -> {
            if (!(outcome instanceof WriteOutcome.Stale)) {
                settle.accept(outcome.reason());
                return;
            }
            Card theirs;
            try {
                theirs = controller.queries().card(seen.id());
            } catch (TackException e) {
                controller.error(e.getMessage());
                settle.accept(null);
                return;
            }
            List<String> mine = CardForm.touched(edit);
            List<String> overlap = CardForm.differences(seen, theirs).stream().filter(mine::contains).toList();
            String who = whoChanged(seen.id());
            if (!overlap.isEmpty() || theirs.archived()) {
                choose(seen, theirs, edit, who);
                settle.accept(null);
                return;
            }
            Writes.Pending second = controller.submit(() -> controller.cards().edit(seen.id(), edit, theirs.version()),
                    "saved #" + seen.id() + " on top of " + who + "'s change (different fields)", again -> {
                        if (again instanceof WriteOutcome.Stale) {
                            choose(seen, theirs, edit, who); // a third change meanwhile: the person chooses
                            settle.accept(null);
                        } else {
                            settle.accept(again.reason());
                        }
                    });
            if (wait != null) {
                wait.pending = second;
            }
        });
        if (wait != null && wait.pending == Writes.NONE) {
            wait.pending = first; // (a host that writes at once has settled it already)
        }
    }

    /** Someone changed fields this edit changes too: the person sees both versions and chooses. */
    private void choose(Card seen, Card theirs, CardEdit edit, String who) {
        controller.push(new ConflictChooser(seen, theirs, edit, who, new ConflictChooser.Choice() {
            @Override
            public void keepTheirs() {
                controller.info("kept " + who + "'s version of #" + seen.id() + "; yours was not saved");
            }

            @Override
            public void overwrite() {
                save(theirs, edit, null);
            }

            @Override
            public void editAgain() {
                Map<String, String> typed = new LinkedHashMap<>();
                for (String field : CardForm.touched(edit)) {
                    typed.put(field, CardForm.after(theirs, edit, field));
                }
                openEdit(theirs, typed);
            }
        }));
    }

    private String whoChanged(long cardId) {
        try {
            List<Event> history = controller.queries().details(cardId).history();
            if (!history.isEmpty()) {
                Event last = history.get(history.size() - 1);
                return last.actor() + (last.actor().equals(controller.workspace().actor().name()) && last.pid() != controller.workspace().actor().pid()
                        ? " (in another window)" : "");
            }
        } catch (TackException ignored) {
            // who it was is a courtesy
        }
        return "someone";
    }

    void editInEditor(Card card) {
        Optional<String> edited = host.editExternally(card.description(), "card-" + card.id());
        if (edited.isEmpty()) {
            return;
        }
        String text = edited.get();
        if (text.equals(card.description()) || text.equals(card.description() + "\n")) {
            controller.info("description unchanged");
            return;
        }
        String description = text.endsWith("\n") && !card.description().endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        save(card, CardEdit.none().withDescription(description), null); // queued behind any write still waiting
    }

    void comment(Card card) {
        controller.push(new Form("Comment on #" + card.id(), List.of(Form.Field.note("comment", "Comment", "", 4)), form -> {
            String text = form.value("comment");
            if (text.isBlank()) {
                return new Form.Saved.Refused("write something, or press Esc");
            }
            return controller.saveFrom(form, () -> controller.cards().comment(card.id(), text), "commented on #" + card.id(), null);
        }));
    }

    /** The link picker's Enter: {@code waiting} waits for {@code prerequisite} from now on (a cycle is refused with its path). */
    void link(long waiting, long prerequisite) {
        Links links = new Links(controller.workspace());
        controller.submit(() -> links.link(waiting, prerequisite), null, outcome -> {
            if (outcome instanceof WriteOutcome.Done done && done.result() instanceof Links.Result result) {
                controller.info(result.changed() ? "#" + waiting + " now waits for #" + prerequisite
                        : "#" + waiting + " already waits for #" + prerequisite + "; nothing changed");
            }
        });
    }

    /** Ticks or unticks a checklist item (the details view's digits). */
    void toggleItem(long cardId, int number, boolean done) {
        Checklists checklists = new Checklists(controller.workspace());
        controller.submit(() -> checklists.done(cardId, number, done), (done ? "ticked" : "unticked") + " item " + number + " of #" + cardId, null);
    }

    void archive(Card card) {
        long version = card.version();
        Cards.ArchiveImpact impact;
        try {
            impact = controller.cards().archiveImpact(card.id());
        } catch (TackException e) {
            controller.error(e.getMessage());
            return;
        }
        // A card others wait for counts as done once archived: say so, and archive it only on a yes.
        String question = "Archive #" + card.id() + " “" + card.title() + "”?" + (!impact.matters() ? ""
                : " " + Cards.ids(impact.waiting()) + (impact.waiting().size() == 1 ? " waits" : " wait") + " for it; archiving counts it as done"
                + (impact.unblocked().isEmpty() ? "." : " and unblocks " + Cards.ids(impact.unblocked()) + "."));
        controller.push(new Confirm("Archive", question, () -> {
            controller.submit(() -> controller.cards().archive(card.id(), version, true), "archived #" + card.id() + " (tack restore " + card.id()
                    + " brings it back)" + (impact.unblocked().isEmpty() ? "" : "; " + Cards.ids(impact.unblocked()) + " ready now"), outcome -> {
                        if (outcome instanceof WriteOutcome.Stale) {
                            controller.error("#" + card.id() + " changed while you were deciding (by " + whoChanged(card.id()) + "): look again");
                        }
                    });
        }));
    }
}
