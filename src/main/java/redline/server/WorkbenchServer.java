package redline.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import redline.load.TreeReader;
import redline.report.Json;

/**
 * The workbench's HTTP server: Javalin (on Jetty 12) bound to the loopback interface only, serving
 * the page (static files from the class path) and the JSON API of a {@link Workbench}.
 *
 * <p>Safe by default: a request whose {@code Host} is not this server's own address
 * ({@code 127.0.0.1:PORT} or {@code localhost:PORT}; this stops DNS rebinding) or whose
 * {@code Origin} is another site's is refused with 403; every response carries a restrictive
 * Content-Security-Policy (no inline script, nothing from elsewhere) and {@code nosniff}; request
 * bodies are limited to {@link #MAX_BODY} bytes (413) and must be JSON (415); a slow client is cut
 * off after {@link #IDLE_MILLIS}; searches are bounded in time and in how many run at once. Every
 * error, including Jetty's own, is a JSON diagnostic, never a stack trace or an HTML page.
 */
public final class WorkbenchServer implements AutoCloseable {
  /** The interface the server listens on. */
  public static final String HOST = "127.0.0.1";

  /** The largest request body accepted, in bytes (the limit of a proposal file). */
  public static final int MAX_BODY = TreeReader.MAX_BYTES;

  /** The most of a too-large body read (and dropped) before answering 413. */
  static final int DRAIN = 8 << 20;

  /** How long a connection may stay silent (e.g. while sending its body) before it is closed. */
  static final long IDLE_MILLIS = 10_000;

  /** How many nearest searches may run at once; more wait briefly, then get 503. */
  static final int SEARCHES = 2;

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
          + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final Map<String, String> SECURITY_HEADERS =
      Map.of(
          "Content-Security-Policy", CSP,
          "X-Content-Type-Options", "nosniff",
          "X-Frame-Options", "DENY",
          "Referrer-Policy", "no-referrer",
          "Cross-Origin-Opener-Policy", "same-origin",
          "Cross-Origin-Resource-Policy", "same-origin");

  private final Javalin app;
  private final Workbench workbench;
  private final Semaphore searches = new Semaphore(SEARCHES);
  private final long idleMillis;
  private volatile int port;

  private WorkbenchServer(Workbench workbench, int requestedPort, long idleMillis) {
    this.workbench = workbench;
    this.idleMillis = idleMillis;
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.host = HOST;
              config.jetty.port = requestedPort;
              config.http.maxRequestSize = DRAIN;
              config.http.generateEtags = false;
              config.http.prefer405over404 = true;
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/";
                    files.directory = "/redline/server/web";
                    files.location = Location.CLASSPATH;
                    files.headers = Map.of("Cache-Control", "no-cache");
                  });
              config.jetty.modifyServer(
                  server -> {
                    server.setErrorHandler(new JsonErrorHandler());
                    server.addEventListener(
                        new org.eclipse.jetty.util.component.LifeCycle.Listener() {
                          @Override
                          public void lifeCycleStarting(org.eclipse.jetty.util.component.LifeCycle event) {
                            for (var c : server.getConnectors()) {
                              if (c instanceof ServerConnector sc) {
                                sc.setIdleTimeout(idleMillis);
                              }
                            }
                          }
                        });
                  });
              config.routes.before(this::guard);
              config.routes.get("/api/vocabulary", ctx -> send(ctx, workbench.vocabulary()));
              config.routes.get("/api/cases", ctx -> send(ctx, workbench.cases()));
              config.routes.get("/api/cases/{id}", ctx -> send(ctx, workbench.caseFile(ctx.pathParam("id"))));
              config.routes.post("/api/evaluate", ctx -> send(ctx, workbench.evaluate(body(ctx), ctx.queryParam("asOf"))));
              config.routes.post("/api/compare", ctx -> send(ctx, workbench.compare(body(ctx), ctx.queryParam("asOf"))));
              config.routes.post("/api/nearest", this::nearest);
              config.routes.exception(Refusal.class, (e, ctx) -> send(ctx, e.reply));
              config.routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, refused(ctx, e.getStatus(), e.getMessage())));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) ->
                      send(
                          ctx,
                          Workbench.error(500, "internal-error", "internal error", ctx.path(), "internal error: " + e.getClass().getSimpleName(), "this is a bug in Redline: please report it")));
              for (int status : new int[] {404, 405}) {
                config.routes.error(
                    status,
                    ctx -> {
                      if (!replied(ctx)) { // not a handler's own answer, e.g. an unknown case
                        send(ctx, refused(ctx, status, null));
                      }
                    });
              }
            });
  }

  /** Starts a server for {@code workbench} on {@code 127.0.0.1:port} ({@code 0}: a free port). */
  public static WorkbenchServer start(Workbench workbench, int port) {
    return start(workbench, port, IDLE_MILLIS);
  }

  /** As {@link #start(Workbench, int)}, cutting off a client silent for {@code idleMillis}. */
  static WorkbenchServer start(Workbench workbench, int port, long idleMillis) {
    WorkbenchServer s = new WorkbenchServer(workbench, port, idleMillis);
    s.app.start();
    s.port = s.app.port();
    return s;
  }

  /** The port listened on. */
  public int port() {
    return port;
  }

  /** The address of the page, e.g. {@code http://127.0.0.1:7070/}. */
  public String url() {
    return "http://" + HOST + ":" + port + "/";
  }

  /** Stops the server; requests in progress are finished or cut off. */
  public void stop() {
    app.stop();
  }

  @Override
  public void close() {
    stop();
  }

  private void nearest(Context ctx) throws InterruptedException, IOException {
    byte[] body = body(ctx);
    String parties = ctx.queryParam("parties");
    Workbench.NearestOptions options =
        new Workbench.NearestOptions(
            parties == null ? List.of() : Arrays.stream(parties.split(",")).map(String::trim).toList(),
            ctx.queryParam("maxChanges"),
            ctx.queryParam("objections"),
            ctx.queryParam("limit"),
            ctx.queryParam("asOf"));
    if (!searches.tryAcquire(2, TimeUnit.SECONDS)) {
      send(ctx, Workbench.error(503, "busy", "no suggestion was searched for", ctx.path(), "the workbench is busy with other searches", "try again in a moment"));
      return;
    }
    try {
      send(ctx, workbench.nearest(body, options));
    } finally {
      searches.release();
    }
  }

  /** Refuses requests from elsewhere and sets the security headers on every response. */
  private void guard(Context ctx) {
    SECURITY_HEADERS.forEach(ctx::header);
    if (ctx.path().startsWith("/api/")) {
      ctx.header("Cache-Control", "no-store");
    }
    String host = ctx.header("Host");
    if (host == null || !ownAddress(host.toLowerCase(Locale.ROOT))) {
      throw new Refusal(Workbench.error(403, "foreign-host", "request refused", "Host", "the request names host `" + clip(host) + "`, not this workbench", "open " + url()));
    }
    String origin = ctx.header("Origin");
    if (origin != null && !ownOrigin(origin.toLowerCase(Locale.ROOT))) {
      throw new Refusal(Workbench.error(403, "foreign-origin", "request refused", "Origin", "requests from `" + clip(origin) + "` are refused: only the workbench's own page may call it", ""));
    }
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null && site.equalsIgnoreCase("cross-site")) {
      throw new Refusal(Workbench.error(403, "foreign-origin", "request refused", "Sec-Fetch-Site", "cross-site requests are refused", ""));
    }
    if (ctx.method().name().equals("POST")) {
      long length = ctx.req().getContentLengthLong();
      if (length > MAX_BODY) {
        if (length <= DRAIN) {
          drain(ctx);
        }
        throw new Refusal(tooLarge(length));
      }
      String type = ctx.contentType();
      if (type == null || !type.toLowerCase(Locale.ROOT).split(";")[0].trim().equals("application/json")) {
        throw new Refusal(Workbench.error(415, "wrong-content-type", "request refused", "Content-Type", "the body must be JSON sent as `application/json`, not `" + clip(type) + "`", ""));
      }
    }
  }

  private boolean ownAddress(String host) {
    return host.equals(HOST + ":" + port) || host.equals("localhost:" + port);
  }

  private boolean ownOrigin(String origin) {
    return origin.equals("http://" + HOST + ":" + port) || origin.equals("http://localhost:" + port);
  }

  /** The request body, at most {@link #MAX_BODY} bytes (413 beyond). */
  private byte[] body(Context ctx) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try (InputStream in = ctx.req().getInputStream()) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        if (out.size() > MAX_BODY) {
          drain(ctx);
          throw new Refusal(tooLarge(-1));
        }
      }
    } catch (IOException e) {
      throw new Refusal(Workbench.error(408, "too-slow", "request refused", "body", "the body did not arrive: nothing came for " + idleMillis + " ms, or the connection broke", ""));
    }
    return out.toByteArray();
  }

  /**
   * Reads and drops what is left of a body refused as too large, up to {@link #DRAIN} bytes, so that
   * a client still sending it (a browser does not wait for {@code 100 Continue}) reads the 413 rather
   * than a reset connection; beyond that the connection is cut.
   */
  private static void drain(Context ctx) {
    byte[] buf = new byte[8192];
    long left = DRAIN;
    try {
      InputStream in = ctx.req().getInputStream();
      int n;
      while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) >= 0) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // the client went away, or the body is cut off: the answer is 413 all the same
    }
  }

  private static Workbench.Reply tooLarge(long length) {
    return Workbench.error(413, "too-large", "request refused", "body", "the body is too large" + (length > 0 ? ": " + length + " bytes" : "") + ", the limit is " + MAX_BODY + " bytes", "");
  }

  /** The answer to a request Javalin refuses: no such address, a method not allowed, ... */
  private Workbench.Reply refused(Context ctx, int status, String message) {
    String path = clip(ctx.path());
    return switch (status) {
      case 404 -> ctx.path().startsWith("/api/")
          ? Workbench.error(404, "not-found", "request refused", path, "no such address `" + path + "`", "the API is under /api/: vocabulary, cases, evaluate, nearest, compare")
          : Workbench.error(404, "not-found", "request refused", path, "no such page `" + path + "`", "open " + url());
      case 405 -> Workbench.error(405, "method-not-allowed", "request refused", path, "`" + ctx.method() + "` is not allowed on `" + path + "`", "");
      case 413 -> tooLarge(-1);
      default -> Workbench.error(status, "http-" + status, "request refused", path, lower(message), "");
    };
  }

  private static void send(Context ctx, Workbench.Reply reply) {
    send(ctx, reply.status(), reply.body());
  }

  /** True once a handler has written its JSON answer (error handlers then leave it alone). */
  private static boolean replied(Context ctx) {
    return Boolean.TRUE.equals(ctx.attribute(REPLIED));
  }

  private static final String REPLIED = "redline.replied";

  private static void send(Context ctx, int status, JsonNode body) {
    ctx.attribute(REPLIED, true);
    SECURITY_HEADERS.forEach(ctx::header);
    ctx.status(status);
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  /** User input quoted in a message: at most 80 characters, without control characters. */
  static String clip(String s) {
    if (s == null) {
      return "";
    }
    String t = s.codePoints().filter(c -> c >= 0x20 && c != 0x7f).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return t.length() > 80 ? t.substring(0, 77) + "..." : t;
  }

  private static String lower(String s) {
    if (s == null || s.isEmpty()) {
      return "the request was refused";
    }
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** A request refused before it reaches its handler. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Workbench.Reply reply;

    Refusal(Workbench.Reply reply) {
      super(null, null, false, false);
      this.reply = reply;
    }
  }

  /** Jetty's own errors (a malformed request line, headers too large, ...) as JSON too. */
  private static final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
      byte[] bytes = json(code, message);
      response.setStatus(code);
      HttpFields.Mutable h = response.getHeaders();
      h.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
      SECURITY_HEADERS.forEach(h::put);
      response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
      return ByteBuffer.wrap(json(status, reason));
    }

    private static byte[] json(int code, String message) {
      Workbench.Reply r = Workbench.error(code, "http-" + code, "request refused", "request", (message == null || message.isEmpty() ? "the request was refused" : clip(message).toLowerCase(Locale.ROOT)), "");
      return Json.write(r.body()).getBytes(StandardCharsets.UTF_8);
    }
  }
}
