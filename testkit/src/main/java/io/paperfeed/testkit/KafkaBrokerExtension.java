package io.paperfeed.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests a real Kafka broker: declare a {@link KafkaBroker} parameter on a test, a lifecycle
 * method or a constructor of a class annotated {@code @ExtendWith(KafkaBrokerExtension.class)}.
 * One broker serves the whole test run (it is stored in the root context and closed at its end);
 * tests keep apart by using unique topic names and application ids.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("broker", key -> new ClosingBroker(BrokerChoice.start()), ClosingBroker.class)
                .broker();
    }

    /** Closes the broker when JUnit closes the root store. */
    private record ClosingBroker(KafkaBroker broker)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            broker.close();
        }
    }
}
