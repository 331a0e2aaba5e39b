package dev.tack.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.tack.board.BoardView;
import dev.tack.board.Boards;
import dev.tack.board.CardFilter;
import dev.tack.board.Json;
import dev.tack.board.Queries;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.text.Sanitizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ls", mixinStandardHelpOptions = true, description = "List cards, column by column.")
final class LsCommand extends BaseCommand {

    @Option(names = {"-c", "--column"}, paramLabel = "COLUMN", description = "Only this column.")
    String column;

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG", description = "Only cards with this tag (repeat: all of them).")
    List<String> tags = List.of();

    @Option(names = {"-a", "--assignee"}, paramLabel = "WHO", description = "Only cards assigned to WHO.")
    String assignee;

    @Option(names = {"-q", "--query"}, paramLabel = "TEXT", description = "Only cards matching TEXT as the screen's filter reads it: words in the title, description or tags (any case),"
                    + " #4, tag:x, @who, p:2, is:ready.")
    String query;

    @Option(names = "--ready", description = "Only cards that wait for nothing unfinished.")
    boolean ready;

    @Option(names = "--blocked", description = "Only cards that wait for a card not done yet.")
    boolean blocked;

    @Option(names = "--archived", description = "The archived cards instead (bring one back with: tack restore ID).")
    boolean archived;

    @Option(names = "--all-boards", description = "Every board of the database, one after the other (--json: each card names its board).")
    boolean allBoards;

    @Override
    protected int execute() {
        if (ready && blocked) {
            throw dev.tack.model.TackException.usage("--ready and --blocked exclude each other");
        }
        if (archived && (ready || blocked)) {
            throw dev.tack.model.TackException.usage("--ready and --blocked are for live cards, not --archived");
        }
        String who = assignee != null && assignee.startsWith("@") ? assignee.substring(1) : assignee;
        CardFilter filter = filter(who);
        CardText text = new CardText(style(), LocalDate.now(workspace().clock().withZone(ZoneId.systemDefault())));
        List<String> names = allBoards ? new Boards(workspace()).list().stream().map(Board::name).toList() : null;
        List<Map<String, Object>> json = new ArrayList<>();
        for (int i = 0; i < (allBoards ? names.size() : 1); i++) {
            String name = allBoards ? names.get(i) : null;
            Queries queries = new Queries(allBoards ? workspace().onBoard(name) : workspace());
            if (archived) {
                List<Card> cards = queries.archived().stream().filter(filter::matches).toList();
                if (json()) {
                    cards.forEach(card -> json.add(withBoard(Json.card(card), name)));
                } else {
                    if (allBoards) {
                        out().println(style().bold("board " + Sanitizer.line(name)));
                    }
                    text.archived(out(), cards);
                }
                continue;
            }
            BoardView view = queries.board(filter);
            if (json()) {
                Json.cards(view).forEach(card -> json.add(withBoard(card, allBoards ? view.board().name() : null)));
            } else {
                if (allBoards) {
                    out().println(style().bold("board " + Sanitizer.line(view.board().name())));
                }
                text.board(out(), view);
            }
        }
        if (json()) {
            printJson(json, new java.util.LinkedHashSet<>(Json.LISTED_CARD_FIELDS));
        }
        out().flush();
        return 0;
    }

    /**
     * The options as one filter. {@code -q} reads as the screen's filter line does ({@link CardFilter#parse}):
     * words match title, description or tags in any case, and {@code #4}, {@code tag:x}, {@code @who},
     * {@code p:2}, {@code is:ready} work there too; the other options add to it.
     */
    private CardFilter filter(String who) {
        CardFilter typed = query == null ? CardFilter.ALL : CardFilter.parse(query);
        List<String> allTags = new ArrayList<>(tags);
        allTags.addAll(typed.tags());
        if (who != null && typed.assignee() != null && !who.equalsIgnoreCase(typed.assignee())) {
            throw dev.tack.model.TackException.usage("-a " + who + " and -q @" + typed.assignee() + " name two people");
        }
        Boolean onlyReady = ready ? Boolean.TRUE : blocked ? Boolean.FALSE : typed.ready();
        if (archived && onlyReady != null) {
            throw dev.tack.model.TackException.usage("is:ready and is:blocked are for live cards, not --archived");
        }
        return new CardFilter(column, allTags, who != null ? who : typed.assignee(), typed.priority(), typed.words(), typed.numbers(),
                onlyReady);
    }

    private static Map<String, Object> withBoard(Map<String, Object> card, String board) {
        if (board != null) {
            card.put("board", board);
        }
        return card;
    }
}
