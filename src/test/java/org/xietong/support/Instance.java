package org.xietong.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the platform as its own JVM, started from the test class path: what an
 * operator runs behind nginx, so that it can be stopped, started again and killed.
 */
public final class Instance implements AutoCloseable {

	private final String name;

	private final int port;

	private final Process process;

	private Instance(String name, int port, Process process) {
		this.name = name;
		this.port = port;
		this.process = process;
	}

	/**
	 * Starts an instance with {@code settings} ({@code --name=value}); its log goes to
	 * {@code logs}.
	 */
	public static Instance start(String name, Path logs, List<String> settings) {
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
						"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
						"org.xietong.XietongApplication", "--server.port=" + port));
		command.addAll(settings);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(logs.resolve(name + "-" + port + ".log").toFile())
				.start();
			return new Instance(name, port, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	/** Waits until {@code /actuator/health} answers UP. */
	public Instance awaitReady(Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " stopped while starting, exit " + this.process.exitValue());
			}
			try {
				HttpResponse<String> health = http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health"))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return this;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(Duration.ofMillis(500));
		}
		throw new IllegalStateException(this.name + " not ready within " + timeout);
	}

	/** Stops it as systemd does (SIGTERM) and waits for it to end. */
	public void stop() {
		this.process.destroy();
		awaitExit();
	}

	/** Kills it at once ({@code kill -9}). */
	public void kill() {
		this.process.destroyForcibly();
		awaitExit();
	}

	private void awaitExit() {
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
	}

	public static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
