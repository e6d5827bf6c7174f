package io.paperfeed.consumer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** The frame of every API handler: a bug is a 500 that says nothing of the exception. */
class ApiHandlerTest {

    @Test
    void aBugIsA500ThatEchoesNothing() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ApiHandler failing = new ApiHandler("/boom", new ApiMetrics(registry)) {
            @Override
            void handle(Exchange exchange, List<String> segments) {
                throw new IllegalStateException("password=hunter2 in " + exchange.query("token"));
            }
        };
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(failing);
        server.start();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/boom/x?token=pfr_abc")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(500, r.statusCode());
            assertTrue(r.body().contains("\"reason\":\"internal\""), r.body());
            assertFalse(r.body().contains("hunter2") || r.body().contains("pfr_abc")
                    || r.body().contains("IllegalState"), r.body());
            assertEquals(1.0, registry.get("paperfeed.api.errors").tag("reason", "internal").counter().count());

            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", connector.getLocalPort())) {
                socket.getOutputStream().write("GET /boom/x?token=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 400"), "found by paperfeed fuzz: a bad query string was a 500: "
                        + answer);
                assertTrue(answer.contains("\"reason\":\"bad-query\""), answer);
            }
        } finally {
            server.stop();
        }
    }
}
