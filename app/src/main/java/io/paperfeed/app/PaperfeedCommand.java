package io.paperfeed.app;

import io.paperfeed.app.bench.BenchCommand;
import io.paperfeed.app.demo.DemoCommand;
import io.paperfeed.app.evaluate.EvaluateCommand;
import io.paperfeed.app.fuzz.FuzzCommand;
import picocli.CommandLine.Command;

/** The {@code paperfeed} command and its subcommands. */
@Command(name = "paperfeed", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "A stream-processing paper feed on Apache Kafka: one paper, one alert, across every source.",
        subcommands = {DemoCommand.class, ParseCommand.class, ProducerCommand.class, StreamsCommand.class, ConsumerCommand.class,
                BrokerCommand.class, SubscriptionsCommand.class, ExportCommand.class, BenchCommand.class,
                FuzzCommand.class, EvaluateCommand.class})
final class PaperfeedCommand {
}
