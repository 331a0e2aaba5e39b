package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import com.google.gson.JsonArray;
import org.junit.jupiter.api.Test;

class DueCommandTest extends CliFixture {

    @Test
    void listsWhatIsOverdueDueTodayAndDueSoonAcrossBoardsSoonestFirst() {
        LocalDate today = LocalDate.now();
        long late = add("pay the invoice", "--due", today.minusDays(3).toString());
        long now = add("call the bank", "--due", "today", "-c", "Doing");
        tack("board", "add", "home").expectOk();
        long soon = Long.parseLong(tack("--board", "home", "add", "water the plants", "--due", "2d").expectOk().out().strip());
        add("far away", "--due", "30d");
        add("no date at all");
        add("finished late", "--due", today.minusDays(5).toString(), "-c", "Done");
        long archived = add("archived late", "--due", today.minusDays(4).toString());
        tack("rm", String.valueOf(archived)).expectOk();

        String out = tack("due").expectOk().out();

        assertThat(out.lines()).containsExactly(
                "Overdue",
                "  #" + late + " pay the invoice  main · Todo  " + today.minusDays(3) + " (3 days ago)",
                "Due today",
                "  #" + now + " call the bank  main · Doing  today",
                "Due in the next 7 days",
                "  #" + soon + " water the plants  home · Todo  "
                        + today.plusDays(2).getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH)
                        + " " + today.plusDays(2));
        JsonArray json = tack("due", "--json", "--days", "40").expectOk().json().getAsJsonArray();
        assertThat(json).hasSize(4);
        assertThat(json.get(0).getAsJsonObject().get("when").getAsString()).isEqualTo("overdue");
        assertThat(json.get(2).getAsJsonObject().get("board").getAsString()).isEqualTo("home");
        assertThat(tack("due", "--days", "-1").expectError(2).err()).contains("--days");
    }

    @Test
    void saysSoWhenNothingIsDue() {
        add("no date");
        assertThat(tack("due", "--days", "1").expectOk().out()).isEqualTo("nothing is overdue or due in the next 1 day\n");
    }
}
