package minutessearch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.ExtensiblePlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single-node OpenSearch on this machine, for development and CI: the real server with its HTTP
 * layer, the common analysis (Snowball, decompounders), reindex and delete-by-query, Painless,
 * and Danish Hunspell when the system has it. Usage: LocalNode --home DIR --data DIR [--port N] (0 picks a free port). Prints
 * "OpenSearch ready: URL" when it answers; stops cleanly on SIGINT or SIGTERM.
 */
public final class LocalNode {
  private static final List<Class<? extends Plugin>> MODULES =
      List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, ReindexPlugin.class, PainlessPlugin.class);
  /** Debian's hunspell-da: the dictionary a `hunspell` token filter with locale da_DK reads. */
  private static final Path SYSTEM_HUNSPELL = Path.of("/usr/share/hunspell");

  /** The server's constructor that takes plugins from the classpath is protected. */
  private static final class ClasspathNode extends Node {
    ClasspathNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
      super(environment, plugins, true);
    }
  }

  /**
   * Hands Painless the extensions of the other modules (the analysis module's `token`, for the
   * `condition` filter's scripts). The server does so only for plugins it loads from folders;
   * Painless keeps them in a static table, so any instance can take them before the node starts.
   */
  private static void loadPainlessExtensions() {
    new PainlessPlugin()
        .loadExtensions(
            new ExtensiblePlugin.ExtensionLoader() {
              @Override
              public <T> List<T> loadExtensions(Class<T> type) {
                return ServiceLoader.load(type, LocalNode.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get)
                    .toList();
              }
            });
  }

  private LocalNode() {}

  public static void main(String[] args) throws Exception {
    // The node's logging takes over System.out and System.err; the announcements go to the console.
    PrintStream console = System.out;
    PrintStream errors = System.err;
    Map<String, String> options = options(args);
    Path home = Path.of(options.getOrDefault("home", ".data/opensearch/home")).toAbsolutePath();
    Path data = Path.of(options.getOrDefault("data", ".data/opensearch/data")).toAbsolutePath();
    String port = options.getOrDefault("port", "9200");
    Path config = prepareHome(home);

    Settings settings =
        Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", data.toString())
            .put("cluster.name", "minutes-search-local")
            .put("node.name", "local")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            .put("node.portsfile", true)
            // A laptop's disk is often fuller than a server's watermarks allow.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
    Environment environment =
        InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> "local");
    LogConfigurator.setNodeName("local");
    LogConfigurator.configure(environment);

    loadPainlessExtensions();
    Node node = new ClasspathNode(environment, MODULES);
    node.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    node.close();
                  } catch (IOException error) {
                    errors.println("OpenSearch did not stop cleanly: " + error.getMessage());
                  }
                  stopped.countDown();
                }));
    String address = Files.readString(home.resolve("logs").resolve("http.ports")).lines().findFirst().orElseThrow();
    console.println("OpenSearch ready: http://" + address);
    stopped.await();
  }

  /** `--name value` pairs. */
  private static Map<String, String> options(String[] args) {
    java.util.HashMap<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --name value, got " + args[i]);
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  /**
   * The folders a node expects under its home (modules and plugins stay empty: they come from the
   * classpath), a logging configuration, and the Danish Hunspell dictionary when installed.
   */
  private static Path prepareHome(Path home) throws IOException {
    Path config = home.resolve("config");
    Files.createDirectories(home.resolve("modules"));
    Files.createDirectories(home.resolve("plugins"));
    Files.createDirectories(config);
    Files.writeString(
        config.resolve("log4j2.properties"),
        String.join(
            "\n",
            "status = error",
            "appender.console.type = Console",
            "appender.console.name = console",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%c{1.}] [%node_name]%marker %m%n",
            "rootLogger.level = warn",
            "rootLogger.appenderRef.console.ref = console",
            ""));
    for (String name : List.of("da_DK.aff", "da_DK.dic")) {
      Path dictionary = SYSTEM_HUNSPELL.resolve(name);
      if (!Files.exists(dictionary)) continue;
      Path target = config.resolve("hunspell").resolve("da_DK");
      Files.createDirectories(target);
      Files.copy(dictionary, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    // The node writes its ports there; a stale file would announce the previous run's port.
    Files.createDirectories(home.resolve("logs"));
    Files.deleteIfExists(home.resolve("logs").resolve("http.ports"));
    return config;
  }
}
