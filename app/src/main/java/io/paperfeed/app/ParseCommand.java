package io.paperfeed.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.serde.Json;
import io.paperfeed.producer.FileReport;
import io.paperfeed.producer.parse.FeedReader;
import io.paperfeed.producer.parse.ParseResult;
import io.paperfeed.producer.parse.UnknownFormatException;
import io.paperfeed.producer.source.FeedDocument;
import io.paperfeed.producer.source.FeedSource;
import io.paperfeed.producer.source.FeedSources;
import io.paperfeed.producer.source.Fetch;
import io.paperfeed.producer.source.FetchProblem;
import io.paperfeed.producer.source.HttpFetcher;
import io.paperfeed.producer.source.Validators;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code paperfeed parse}: the producer's dry run. Reads feeds as the producer would and prints
 * every paper as one JSON line on stdout, and on stderr every invalid item and one summary line per
 * document. No Kafka needed. Exit status 0 when every input could be read, 1 otherwise.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Parse feeds as the producer would, without Kafka: each paper as one JSON line on stdout; "
                + "each invalid item and a summary per document on stderr.",
                "Exit status 0 when every input was read; 1 when one was missing, unreadable or in no known format "
                + "(the others are still printed)."})
final class ParseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Feed files, folders (read recursively, in sorted order), http(s) URLs, or - for stdin.")
    List<String> inputs;

    @Option(names = "--format", paramLabel = "NAME", description = "Parse every input as this format instead of detecting it.")
    String format;

    @Option(names = "--invalid-json", arity = "0..1", fallbackValue = "true", description = "Print invalid items on stderr as JSON lines instead of text.")
    boolean invalidJson;

    @Spec
    CommandSpec spec;

    private final InputStream stdin;
    private final Supplier<HttpFetcher> http;

    ParseCommand() {
        this(System.in, () -> HttpFetcher.standard(Clock.systemUTC()));
    }

    /** With what {@code -} reads and how URLs are fetched. */
    ParseCommand(InputStream stdin, Supplier<HttpFetcher> http) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public Integer call() throws InterruptedException, JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FeedReader reader = reader();
        FeedSources sources = new FeedSources(http, stdin, Clock.systemUTC());
        boolean allRead = true;
        for (String input : inputs) {
            try {
                allRead &= print(sources.of(input).fetch(Validators.NONE), reader, out, err);
            } catch (IllegalArgumentException e) {
                allRead = fail(err, e.getMessage());
            }
            out.flush();
            err.flush();
        }
        return allRead ? 0 : 1;
    }

    private FeedReader reader() {
        try {
            return format == null ? new FeedReader() : new FeedReader(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Prints what one fetch held; false when anything in it could not be read. */
    private boolean print(Fetch fetch, FeedReader reader, PrintWriter out, PrintWriter err)
            throws JsonProcessingException {
        if (fetch.status() != Fetch.Status.OK) {
            return fail(err, fetch.error());
        }
        boolean allRead = true;
        for (FetchProblem problem : fetch.problems()) {
            allRead = fail(err, problem.detail());
        }
        for (FeedDocument document : fetch.documents()) {
            allRead &= print(document, reader, out, err);
        }
        if (fetch.documents().isEmpty() && fetch.problems().isEmpty()) {
            err.println(fetch.source() + ": no feed files");
        }
        return allRead;
    }

    private boolean print(FeedDocument document, FeedReader reader, PrintWriter out, PrintWriter err)
            throws JsonProcessingException {
        ParseResult result;
        try {
            result = reader.read(document.name(), document.content(), document.fetchedAt());
        } catch (UnknownFormatException | IOException e) {
            return fail(err, e.getMessage());
        }
        for (PaperEvent paper : result.papers()) {
            out.println(Json.MAPPER.writeValueAsString(paper));
        }
        for (InvalidItem item : result.invalid()) {
            err.println(invalidJson ? Json.MAPPER.writeValueAsString(item) : line(item));
        }
        err.println(new FileReport(document.name(), result.format(), result.papers().size(), result.invalid().size(),
                null).summary());
        return true;
    }

    /** {@code seeds/x.txt:12: invalid (no-abstract): the item has no abstract}. */
    static String line(InvalidItem item) {
        return item.source().source() + ":" + item.source().position() + ": invalid (" + item.reason() + "): "
                + item.detail();
    }

    private static boolean fail(PrintWriter err, String message) {
        err.println("paperfeed parse: " + message);
        return false;
    }
}
