package pro.gen.organizations.app.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The global event feed for downstream consumers: every event of every organization in
 * position order, as pages and as a Server-Sent Events stream that resumes after
 * {@code Last-Event-ID}.
 */
@RestController
public class FeedController implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FeedController.class);

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final long POLL_MILLIS = 100;
    private static final long STREAM_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(30);
    private static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(15);

    private final EventHistory history;
    private final ScheduledExecutorService streams = Executors.newScheduledThreadPool(2,
            runnable -> {
                Thread thread = new Thread(runnable, "event-feed-stream");
                thread.setDaemon(true);
                return thread;
            });

    public FeedController(EventHistory history) {
        this.history = history;
    }

    @GetMapping("/v1/admin/events")
    HistoryController.Page page(@RequestParam(name = "after", required = false) String after,
                                @RequestParam(name = "limit", required = false) String limit) {
        List<RecordedEvent> events = history.feed(position(after, "after"),
                PageLimits.parse(limit, DEFAULT_LIMIT, MAX_LIMIT));
        Long nextAfter = events.isEmpty()
                ? (after == null ? null : position(after, "after"))
                : events.get(events.size() - 1).position();
        return new HistoryController.Page(events, nextAfter);
    }

    @GetMapping(path = "/v1/admin/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(name = "after", required = false) String after,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastId) {
        boolean resuming = lastId != null && !lastId.isBlank();
        long start = resuming ? position(lastId, "Last-Event-ID") : position(after, "after");
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MILLIS);
        try {
            // The headers go out with the first thing sent; without this comment a client
            // that is up to date would wait for them until the next event is written.
            emitter.send(SseEmitter.event().comment("events after " + start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicLong cursor = new AtomicLong(start);
        AtomicLong lastSent = new AtomicLong(System.nanoTime());
        AtomicBoolean closed = new AtomicBoolean();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();

        Runnable push = () -> {
            if (closed.get()) {
                // Thrown from a periodic task, this ends it even if it was not cancelled yet.
                throw new IllegalStateException("Event stream closed");
            }
            try {
                List<RecordedEvent> events;
                do {
                    events = history.feed(cursor.get(), MAX_LIMIT);
                    for (RecordedEvent event : events) {
                        emitter.send(SseEmitter.event()
                                .id(Long.toString(event.position()))
                                .name(event.type())
                                .data(event, MediaType.APPLICATION_JSON));
                        cursor.set(event.position());
                        lastSent.set(System.nanoTime());
                    }
                } while (events.size() == MAX_LIMIT);
                if (System.nanoTime() - lastSent.get() > HEARTBEAT_NANOS) {
                    // A client that went away is only noticed when something is written to it.
                    emitter.send(SseEmitter.event().comment("still here"));
                    lastSent.set(System.nanoTime());
                }
            } catch (IOException | IllegalStateException e) {
                stop(closed, task);
            } catch (RuntimeException e) {
                log.warn("Event stream stopped after position [{}]", cursor.get(), e);
                stop(closed, task);
                emitter.completeWithError(e);
            }
        };
        emitter.onCompletion(() -> stop(closed, task));
        emitter.onTimeout(() -> stop(closed, task));
        emitter.onError(error -> stop(closed, task));
        task.set(streams.scheduleWithFixedDelay(push, 0, POLL_MILLIS, TimeUnit.MILLISECONDS));
        return emitter;
    }

    @Override
    public void destroy() {
        streams.shutdownNow();
    }

    private static void stop(AtomicBoolean closed, AtomicReference<ScheduledFuture<?>> task) {
        closed.set(true);
        ScheduledFuture<?> running = task.get();
        if (running != null) {
            running.cancel(false);
        }
    }

    private static long position(String raw, String field) {
        if (raw == null) {
            return -1;
        }
        return Cursors.parse(raw.strip(), field);
    }
}
