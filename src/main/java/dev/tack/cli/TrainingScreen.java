package dev.tack.cli;

import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.tui.ScreenTraining;

/** The screen's part of {@code dev.tack.Training}: the real board screen on a virtual terminal, over the training board. */
public final class TrainingScreen {

    private TrainingScreen() {
    }

    /** Opens the board file {@code db} (made by the training's commands) and runs the screen once on it. */
    public static void run(String db) {
        Actor actor = new Actor("training", "localhost", ProcessHandle.current().pid());
        try (Workspace workspace = Workspace.open(db, Workspace.Options.defaults(), actor, null, null)) {
            ScreenTraining.run(workspace);
        } catch (Exception | LinkageError e) {
            // a training run only loads classes: nothing to report
        }
    }
}
