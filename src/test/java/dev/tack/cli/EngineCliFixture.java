package dev.tack.cli;

import dev.tack.testing.Engine;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A {@link CliFixture} whose every test runs twice: on a board file, and on a fresh PostgreSQL schema. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
abstract class EngineCliFixture extends CliFixture {

    @Parameter
    Engine engine;

    @Override
    Engine engine() {
        return engine;
    }
}
