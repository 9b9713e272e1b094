package io.pusherspring.integration.servers;

import java.util.concurrent.CountDownLatch;

/**
 * A JVM that starts a soketi, prints {@code soketi <pid>}, and leaves without stopping
 * it: it exits ({@code exit}), or waits to be killed ({@code wait}).
 */
final class JvmLeavingSoketi {

	static final String STARTED = "soketi ";

	private JvmLeavingSoketi() {
	}

	public static void main(String[] args) throws InterruptedException {
		SoketiServer soketi = new SoketiServer().start();
		System.out.println(STARTED + soketi.pid());
		System.out.flush();
		if (args[0].equals("exit")) {
			System.exit(0);
		}
		new CountDownLatch(1).await();
	}

}
