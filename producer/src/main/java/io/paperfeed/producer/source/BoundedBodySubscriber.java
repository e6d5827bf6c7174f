package io.paperfeed.producer.source;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit; past it (or when {@code Content-Length} already says so)
 * it cancels the transfer and completes with {@link Body#truncated()} set, so a huge response never
 * sits in memory.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<BoundedBodySubscriber.Body> {

    /** A body; when truncated, {@code bytes} is empty. */
    record Body(byte[] bytes, boolean truncated) {
    }

    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final long limit;
    private final boolean declaredTooLarge;
    private Flow.Subscription subscription;

    /** A handler that refuses a declared {@code Content-Length} over the limit before reading anything. */
    static HttpResponse.BodyHandler<Body> handler(long limit) {
        return info -> new BoundedBodySubscriber(limit,
                info.headers().firstValueAsLong("Content-Length").orElse(-1) > limit);
    }

    BoundedBodySubscriber(long limit, boolean declaredTooLarge) {
        this.limit = limit;
        this.declaredTooLarge = declaredTooLarge;
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declaredTooLarge) {
            cutOff();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (out.size() + (long) buffer.remaining() > limit) {
                cutOff();
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            out.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(new Body(out.toByteArray(), false));
    }

    private void cutOff() {
        subscription.cancel();
        out.reset();
        result.complete(new Body(new byte[0], true));
    }
}
