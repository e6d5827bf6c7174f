package io.paperfeed.app.ops;

/** One named part of a process's health: the streams app, the broker, a consumer. */
public interface HealthCheck {

    String name();

    /** Null when healthy, else a short reason. */
    String problem();

    /** A check named {@code name} whose problem is {@code problem.get()}. */
    static HealthCheck of(String name, java.util.function.Supplier<String> problem) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String problem() {
                return problem.get();
            }
        };
    }
}
