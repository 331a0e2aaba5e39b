package dev.tack.tui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import dev.tack.board.CardEdit;
import dev.tack.board.DueDates;
import dev.tack.board.Validation;
import dev.tack.model.Card;
import dev.tack.model.TackException;

/**
 * The card form (new card and edit): title first, then the optional fields, and how its text
 * becomes a {@link dev.tack.board.NewCard} or a {@link CardEdit} holding only what the person changed.
 */
final class CardForm {

    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String TAGS = "tags";
    static final String PRIORITY = "priority";
    static final String DUE = "due";
    static final String ASSIGNEE = "assignee";
    static final List<String> FIELDS = List.of(TITLE, DESCRIPTION, TAGS, PRIORITY, DUE, ASSIGNEE);

    /** What the form holds, read and checked. */
    record Values(String title, String description, List<String> tags, int priority, LocalDate due, String assignee) {
    }

    private CardForm() {
    }

    static Form create(String columnName, Function<Form, Form.Saved> save) {
        return new Form("New card in " + columnName, fields(Map.of()), save);
    }

    /** The edit form for {@code base}; {@code typed} puts the person's own earlier values over it (edit again after a conflict). */
    static Form edit(Card base, Map<String, String> typed, Function<Form, Form.Saved> save) {
        Form form = new Form("Edit #" + base.id(), fields(shown(base)), save);
        typed.forEach((name, value) -> {
            form.focus(name);
            setField(form, name, value);
        });
        form.focus(TITLE);
        return form;
    }

    private static void setField(Form form, String name, String value) {
        // Form exposes values read-only; typed values go in through the field itself
        form.fieldInput(name).set(value);
    }

    /** A card's fields as the form shows them. */
    static Map<String, String> shown(Card card) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(TITLE, card.title());
        values.put(DESCRIPTION, card.description());
        values.put(TAGS, String.join(" ", card.tags()));
        values.put(PRIORITY, String.valueOf(card.priority()));
        values.put(DUE, card.due() == null ? "" : card.due().toString());
        values.put(ASSIGNEE, card.assignee() == null ? "" : card.assignee());
        return values;
    }

    private static List<Form.Field> fields(Map<String, String> values) {
        return List.of(
                Form.Field.line(TITLE, "Title", values.getOrDefault(TITLE, "")),
                Form.Field.area(DESCRIPTION, "Description", values.getOrDefault(DESCRIPTION, ""), 5),
                Form.Field.line(TAGS, "Tags", values.getOrDefault(TAGS, "")),
                Form.Field.value(PRIORITY, "Priority 0-3", values.getOrDefault(PRIORITY, "0")),
                Form.Field.line(DUE, "Due", values.getOrDefault(DUE, "")),
                Form.Field.line(ASSIGNEE, "Assignee", values.getOrDefault(ASSIGNEE, "")));
    }

    /** Reads and checks the form; throws a USAGE {@link TackException} with a message for the person. */
    static Values read(Form form, LocalDate today) {
        String title = form.value(TITLE);
        if (title.isBlank()) {
            throw TackException.usage("a card needs a title");
        }
        List<String> tags = Validation.tags(tags(form.value(TAGS)));
        String priorityText = form.value(PRIORITY).strip();
        int priority;
        if (priorityText.isEmpty()) {
            priority = 0;
        } else if (priorityText.matches("[0-3]")) {
            priority = priorityText.charAt(0) - '0';
        } else if (priorityText.matches("!{1,3}")) {
            priority = priorityText.length();
        } else {
            throw TackException.usage("priority is 0, 1, 2 or 3 (not '" + priorityText + "')");
        }
        LocalDate due = DueDates.parse(form.value(DUE), today);
        String assignee = form.value(ASSIGNEE).strip();
        return new Values(title.strip(), form.value(DESCRIPTION), tags, priority, due,
                assignee.isEmpty() ? null : assignee.startsWith("@") ? assignee.substring(1) : assignee);
    }

    static List<String> tags(String text) {
        List<String> tags = new ArrayList<>();
        for (String part : text.split("[\\s,]+")) {
            String tag = part.startsWith("#") ? part.substring(1) : part;
            if (!tag.isBlank()) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /** The fields the person changed, as a {@link CardEdit} against the card the form opened on. */
    static CardEdit edit(Form form, Values values, Card base) {
        String title = form.changed(TITLE) ? values.title() : null;
        String description = form.changed(DESCRIPTION) ? values.description() : null;
        List<String> add = List.of();
        List<String> remove = List.of();
        if (form.changed(TAGS)) {
            Set<String> now = new LinkedHashSet<>(values.tags());
            add = now.stream().filter(t -> !base.tags().contains(t)).toList();
            remove = base.tags().stream().filter(t -> !now.contains(t)).toList();
        }
        Integer priority = form.changed(PRIORITY) && values.priority() != base.priority() ? values.priority() : null;
        Optional<LocalDate> due = form.changed(DUE) && !Objects.equals(values.due(), base.due()) ? Optional.ofNullable(values.due()) : null;
        Optional<String> assignee = form.changed(ASSIGNEE) && !Objects.equals(values.assignee(), base.assignee())
                ? Optional.ofNullable(values.assignee()) : null;
        return new CardEdit(title, description, add, remove, priority, due, assignee);
    }

    /** Names of the fields a {@link CardEdit} touches. */
    static List<String> touched(CardEdit edit) {
        List<String> names = new ArrayList<>();
        if (edit.title() != null) {
            names.add(TITLE);
        }
        if (edit.description() != null) {
            names.add(DESCRIPTION);
        }
        if (!edit.addTags().isEmpty() || !edit.removeTags().isEmpty()) {
            names.add(TAGS);
        }
        if (edit.priority() != null) {
            names.add(PRIORITY);
        }
        if (edit.due() != null) {
            names.add(DUE);
        }
        if (edit.assignee() != null) {
            names.add(ASSIGNEE);
        }
        return names;
    }

    /** The fields whose value differs between two versions of a card. */
    static List<String> differences(Card before, Card after) {
        Map<String, String> a = shown(before);
        Map<String, String> b = shown(after);
        return Arrays.stream(FIELDS.toArray(String[]::new)).filter(f -> !a.get(f).equals(b.get(f))).toList();
    }

    /** What a field will hold once {@code edit} is applied to {@code card}, as the form shows it. */
    static String after(Card card, CardEdit edit, String field) {
        Map<String, String> values = shown(card);
        switch (field) {
            case TITLE -> values.put(TITLE, edit.title());
            case DESCRIPTION -> values.put(DESCRIPTION, edit.description());
            case TAGS -> {
                Set<String> tags = new LinkedHashSet<>(card.tags());
                tags.addAll(edit.addTags());
                edit.removeTags().forEach(tags::remove);
                values.put(TAGS, String.join(" ", tags));
            }
            case PRIORITY -> values.put(PRIORITY, String.valueOf(edit.priority()));
            case DUE -> values.put(DUE, edit.due().map(LocalDate::toString).orElse(""));
            case ASSIGNEE -> values.put(ASSIGNEE, edit.assignee().orElse(""));
            default -> {
            }
        }
        return values.get(field);
    }

    static String label(String field) {
        return switch (field) {
            case TITLE -> "Title";
            case DESCRIPTION -> "Description";
            case TAGS -> "Tags";
            case PRIORITY -> "Priority";
            case DUE -> "Due";
            case ASSIGNEE -> "Assignee";
            default -> field;
        };
    }
}
