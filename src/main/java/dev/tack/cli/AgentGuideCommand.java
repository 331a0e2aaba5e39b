package dev.tack.cli;

import picocli.CommandLine.Command;

/** Prints the short text an agent is given to work from the board; README.md's "Agents" section says the same at length. */
@Command(name = "agent-guide", mixinStandardHelpOptions = true,
        description = "Print a short guide for an AI agent: how to take, report and finish work with tack.")
final class AgentGuideCommand extends BaseCommand {

    static final String GUIDE = """
            You take work from a tack board. Each card is one task; claim before you work, so no one else takes it.

            1. Take the next task (exit 3 means there is none; the JSON's "reason" says why):
                 tack claim --next --from Todo --doing Doing --as NAME --lease 10m --json
               (--doing may be left out when the board has one set for the lane: tack column ls shows it.)
               It prints the card (id, title, description, tags, ...), a "token", and "prerequisites":
               what the cards this one waited for reported when they were done. Keep the id and the token.
            2. While you work, extend the lease before it runs out (a lease that runs out gives the card to
               someone else, and your token stops working):
                 tack heartbeat ID --token TOKEN --lease 10m
            3. Leave notes as you go, if useful:   tack comment ID "TEXT"
            4. End the task with exactly one of:
                 tack done ID --token TOKEN --summary "what you did" [--meta '{"files": ["a.py"]}'] [--to COLUMN]
                 tack block ID --token TOKEN --reason "what you need, from whom"
                 tack release ID --token TOKEN        (give it back untouched, for someone else)
               --summary and --meta (valid JSON) are shown to whoever takes a card that waits for this one.
            5. Then go back to 1.

            Exit codes: 0 ok · 2 bad usage (nothing written) · 3 nothing to claim, or no such card ·
            4 refused: the token is not the card's claim any more (your lease ran out, or someone took the
              card back). Stop working on that card, do not retry it; claim the next one.
            · 5 board busy: try again in a moment.

            Look without taking:   tack ready --from Todo --explain    (why each card can or cannot be taken)
                                   tack doctor                         (stuck claims, cards nobody takes, failing workers; exit 1 if any)
                                   tack show ID --json                 (the card, its comments, runs and history)
            Add --json to any command for one JSON document on standard output.
            """;

    @Override
    protected int execute() {
        out().print(GUIDE);
        out().flush();
        return 0;
    }
}
