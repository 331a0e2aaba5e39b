package dev.tack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The house of docs/ARCHITECTURE.md §1, checked on the compiled main classes: each layer uses only
 * the ones below it, front doors talk to {@code board} only, {@code board} to storage through the
 * interfaces of {@code store} only, and nothing but the engines (SQLite, PostgreSQL) touches {@code java.sql}.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.tack");

    @Test
    void eachLayerUsesOnlyItsNeighbours() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("dev.tack..")
                .layer("entry").definedBy("dev.tack")
                .layer("cli").definedBy("dev.tack.cli..")
                .layer("tui").definedBy("dev.tack.tui..")
                .layer("worker").definedBy("dev.tack.worker..")
                .layer("io").definedBy("dev.tack.io..")
                .layer("config").definedBy("dev.tack.config..")
                .layer("board").definedBy("dev.tack.board..")
                .layer("storage interfaces").definedBy("dev.tack.store")
                .layer("sqlite engine").definedBy("dev.tack.store.sqlite..")
                .layer("postgres engine").definedBy("dev.tack.store.postgres..")
                .layer("model").definedBy("dev.tack.model..")
                .layer("text").definedBy("dev.tack.text..")

                .whereLayer("entry").mayOnlyAccessLayers("cli", "storage interfaces")
                .whereLayer("cli").mayOnlyAccessLayers("board", "tui", "worker", "io", "config", "model", "text")
                .whereLayer("tui").mayOnlyAccessLayers("board", "model", "text")
                .whereLayer("worker").mayOnlyAccessLayers("board", "model", "text")
                .whereLayer("io").mayOnlyAccessLayers("board", "model", "text")
                .whereLayer("config").mayOnlyAccessLayers("model", "text")
                .whereLayer("board").mayOnlyAccessLayers("storage interfaces", "model")
                .whereLayer("storage interfaces").mayOnlyAccessLayers("sqlite engine", "postgres engine", "model")
                .whereLayer("sqlite engine").mayOnlyAccessLayers("storage interfaces", "model")
                .whereLayer("postgres engine").mayOnlyAccessLayers("storage interfaces", "model")
                .whereLayer("model").mayNotAccessAnyLayer()
                .whereLayer("text").mayNotAccessAnyLayer()

                .whereLayer("cli").mayOnlyBeAccessedByLayers("entry")
                .whereLayer("config").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("board").mayOnlyBeAccessedByLayers("cli", "tui", "worker", "io")
                .whereLayer("storage interfaces").mayOnlyBeAccessedByLayers("board", "sqlite engine", "postgres engine", "entry")
                .whereLayer("sqlite engine").mayOnlyBeAccessedByLayers("storage interfaces")
                .whereLayer("postgres engine").mayOnlyBeAccessedByLayers("storage interfaces")
                .check(MAIN);
    }

    @Test
    void onlyTheStorageImplementationTouchesJavaSql() {
        noClasses().that().resideOutsideOfPackage("dev.tack.store.sqlite..").and().resideOutsideOfPackage("dev.tack.store.postgres..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .because("SQL, connections and SQLException belong to the storage engine (docs/ARCHITECTURE.md §1)")
                .check(MAIN);
    }

    @Test
    void noEngineClassesOutsideStore() {
        noClasses().that().resideOutsideOfPackage("dev.tack.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tack.store.sqlite..", "org.sqlite..",
                        "dev.tack.store.postgres..", "org.postgresql..")
                .because("an engine is chosen by store.Storages and reached through the storage interfaces only")
                .check(MAIN);
    }

    @Test
    void onlyTheConfigReaderTouchesToml() {
        noClasses().that().resideOutsideOfPackage("dev.tack.config..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tomlj..", "org.antlr..")
                .because("config files are read in dev.tack.config alone, and tomlj is loaded only when a file exists")
                .check(MAIN);
    }

    @Test
    void nothingDependsOnCli() {
        noClasses().that().resideOutsideOfPackage("dev.tack.cli..")
                .and().resideOutsideOfPackage("dev.tack") // Main and Training, the entry points, start it
                .should().dependOnClassesThat().resideInAPackage("dev.tack.cli..")
                .because("cli is the composition root: nothing below it may reach back up")
                .check(MAIN);
    }
}
