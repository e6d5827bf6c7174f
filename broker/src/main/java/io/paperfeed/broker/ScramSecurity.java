package io.paperfeed.broker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * How {@link EmbeddedKafkaBroker#startSecured} secures its client listener: SASL_PLAINTEXT with
 * SCRAM-SHA-512 for the users given (created at format time), the {@code StandardAuthorizer} with
 * {@code allow.everyone.if.no.acl.found=false}, and {@code admin} as the super user (the broker itself
 * connects as it). The controller listener stays plaintext on 127.0.0.1, unadvertised; its principal
 * ({@code ANONYMOUS}) is a super user too, as KRaft needs its controller to authorise the broker's
 * own requests (SCRAM cannot secure a KRaft controller listener: its credentials live in the
 * metadata the controller serves).
 *
 * @param adminPassword the super user's password
 * @param users         other users and their passwords (no ACL: they may do nothing until granted)
 */
public record ScramSecurity(String adminPassword, Map<String, String> users) {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String ADMIN = "admin";

    public ScramSecurity {
        users = Map.copyOf(users);
    }

    void secure(Properties p, String host, int port) {
        p.put("listeners", "SASL_PLAINTEXT://" + host + ":" + port + "," + p.getProperty("listeners").split(",")[1]);
        p.put("advertised.listeners", "SASL_PLAINTEXT://" + host + ":" + port);
        p.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put("listener.name.sasl_plaintext." + MECHANISM.toLowerCase(java.util.Locale.ROOT) + ".sasl.jaas.config",
                jaas(ADMIN, adminPassword));
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
        p.put("allow.everyone.if.no.acl.found", "false");
    }

    /** {@code kafka-storage format --add-scram} arguments: the admin and every user. */
    List<String> scramArguments() {
        List<String> args = new ArrayList<>();
        args.add(MECHANISM + "=[name=" + ADMIN + ",password=" + adminPassword + "]");
        users.forEach((name, password) -> args.add(MECHANISM + "=[name=" + name + ",password=" + password + "]"));
        return args;
    }

    /** The client properties of {@code user} (what a {@code --kafka-config} file holds). */
    public static Map<String, String> clientProperties(String user, String password) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", MECHANISM);
        p.put("sasl.jaas.config", jaas(user, password));
        return p;
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    @Override
    public String toString() {
        return "ScramSecurity[users=" + users.keySet() + "]";
    }
}
