package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code tack --help} lists each command with the first line of its description, so that line
 * must be a whole sentence: a line that breaks mid-sentence reads as a cut-off summary.
 */
class HelpSummariesTest {

    @Test
    void everyCommandsSummaryIsAWholeSentence() {
        List<String> cutOff = new ArrayList<>();
        collect(AllCommands.commandLine(), cutOff);
        assertThat(cutOff).as("commands whose first description line does not end a sentence").isEmpty();
    }

    private static void collect(CommandLine command, List<String> cutOff) {
        for (CommandLine sub : command.getSubcommands().values()) {
            String[] description = sub.getCommandSpec().usageMessage().description();
            String summary = description.length == 0 ? "" : description[0].strip();
            if (!summary.endsWith(".") && !summary.endsWith(".)")) {
                cutOff.add(sub.getCommandSpec().qualifiedName() + ": " + summary);
            }
            collect(sub, cutOff);
        }
    }
}
