package org.vaekit.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import io.vertx.ext.web.RoutingContext;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.core.storage.StatsStorageEvent;
import org.deeplearning4j.ui.api.HttpMethod;
import org.deeplearning4j.ui.api.Route;
import org.deeplearning4j.ui.api.UIModule;
import org.deeplearning4j.ui.i18n.I18NResource;

/**
 * The VAE page of the DL4J training UI, loaded by DL4J's server through {@code META-INF/services} like its own
 * modules: {@code /train/vae} (the page, beside Overview, Model and System), {@code /train/vae/page.js} and
 * {@code /train/vae/data/:sessionId} (what {@link VaePageData} reads from the attached stats storages).
 */
public final class VaePageModule implements UIModule {
    private static final String PAGE = "vae-page.html";
    private static final String SCRIPT = "vae-page.js";

    private final List<StatsStorage> storages = new CopyOnWriteArrayList<>();

    @Override
    public List<String> getCallbackTypeIDs() {
        return List.of(); // the page polls its data route: no events needed
    }

    @Override
    public List<Route> getRoutes() {
        return List.of(
                new Route("/train/vae", HttpMethod.GET, (args, rc) -> resource(rc, PAGE, "text/html; charset=utf-8")),
                new Route("/train/vae/page.js", HttpMethod.GET,
                        (args, rc) -> resource(rc, SCRIPT, "application/javascript; charset=utf-8")),
                new Route("/train/vae/data/:sessionId", HttpMethod.GET, (args, rc) -> data(args.get(0), rc)));
    }

    /** The session's data as JSON, or {@code {"unchanged": true}} when nothing came since {@code ?since=}. */
    private void data(String session, RoutingContext rc) {
        StatsStorage storage = storages.stream().filter(s -> s.sessionExists(session)).findFirst().orElse(null);
        if (storage == null) {
            rc.response().setStatusCode(404).end("no session " + session);
            return;
        }
        String since = rc.request().getParam("since");
        long known = since != null && since.matches("\\d{1,18}") ? Long.parseLong(since) : 0;
        String body;
        if (known > 0 && VaePageData.lastUpdate(storage, session) <= known) {
            body = "{\"unchanged\":true}";
        } else {
            body = VaePageData.of(storage, session).toString();
        }
        rc.response().putHeader("content-type", "application/json").end(body);
    }

    private static void resource(RoutingContext rc, String name, String type) {
        try (InputStream in = VaePageModule.class.getResourceAsStream(name)) {
            rc.response().putHeader("content-type", type).end(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void reportStorageEvents(Collection<StatsStorageEvent> events) {
    }

    @Override
    public void onAttach(StatsStorage storage) {
        storages.add(storage);
    }

    @Override
    public void onDetach(StatsStorage storage) {
        storages.remove(storage);
    }

    @Override
    public List<I18NResource> getInternationalizationResources() {
        return List.of();
    }
}
