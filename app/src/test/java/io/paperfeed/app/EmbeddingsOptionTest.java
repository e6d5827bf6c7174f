package io.paperfeed.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.app.cli.EnvironmentDefaults;
import io.paperfeed.streams.meaning.EmbeddingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code --embeddings always|needed|off} on every command that has it: an enum option with a value, so a flag
 * and {@code PAPERFEED_EMBEDDINGS} cannot cancel out as an arity-0 boolean could (BooleanOptionsTest): the
 * flag wins, the environment sets it alone, the default is {@code needed}, any case is read, and a wrong
 * value is refused naming the three.
 */
class EmbeddingsOptionTest {

    @ParameterizedTest
    @ValueSource(strings = {"streams", "demo", "bench"})
    void theFlagWinsTheEnvironmentSetsItAloneAndTheDefaultIsNeeded(String command) {
        Map<String, String> off = Map.of("PAPERFEED_EMBEDDINGS", "off");
        assertEquals(EmbeddingMode.NEEDED, value(command, Map.of()));
        assertEquals(EmbeddingMode.OFF, value(command, off));
        assertEquals(EmbeddingMode.ALWAYS, value(command, off, "--embeddings", "always"));
        assertEquals(EmbeddingMode.ALWAYS, value(command, off, "--embeddings=ALWAYS"));
        assertEquals(EmbeddingMode.NEEDED, value(command, Map.of("PAPERFEED_EMBEDDINGS", "Needed")));
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
                () -> value(command, Map.of(), "--embeddings", "sometimes"));
        assertTrue(e.getMessage().contains("always, needed or off"), e.getMessage());
    }

    private static Object value(String command, Map<String, String> env, String... given) {
        CommandLine root = new CommandLine(new PaperfeedCommand()).setDefaultValueProvider(new EnvironmentDefaults(env, null));
        CommandLine cli = root.getSubcommands().get(command);
        List<String> args = new ArrayList<>(List.of(command));
        var bootstrap = cli.getCommandSpec().findOption("--bootstrap-servers");
        if (bootstrap != null && bootstrap.required()) {
            args.addAll(List.of("--bootstrap-servers", "127.0.0.1:9"));
        }
        args.addAll(List.of(given));
        root.parseArgs(args.toArray(String[]::new));
        return cli.getCommandSpec().findOption("--embeddings").getValue();
    }
}
