package io.pusherspring.integration.instances.webhook;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.pusherspring.webhook.MemberAdded;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records each member who joins a class channel, with the instance that handled the
 * webhook: a row per handling, so that a webhook handled twice shows as two rows.
 * <p>
 * For the tests: the user {@code gated} waits at a {@link #gate} until the test opens it,
 * and the user named by {@code attendance.fail-for} makes this instance's listener throw.
 */
@Component
public class Attendance {

	private final JdbcClient jdbc;

	private final String instance;

	private final String failFor;

	final Gate gate = new Gate();

	public Attendance(JdbcClient jdbc, @Value("${spring.application.name}") String instance,
			@Value("${attendance.fail-for:}") String failFor) {
		this.jdbc = jdbc;
		this.instance = instance;
		this.failFor = failFor;
	}

	@EventListener
	public void memberAdded(MemberAdded event) throws InterruptedException {
		if (event.userId().equals(this.failFor)) {
			throw new IllegalStateException("Attendance of " + event.userId() + " not recorded");
		}
		if (event.userId().equals("gated")) {
			this.gate.pass();
		}
		this.jdbc.sql("INSERT INTO attendance (entry_id, channel, user_id, instance) VALUES (?, ?, ?, ?)")
			.params(event.id(), event.channel(), event.userId(), this.instance)
			.update();
	}

	/**
	 * Holds a listener until the test lets it go on.
	 */
	static final class Gate {

		private final CountDownLatch entered = new CountDownLatch(1);

		private final CountDownLatch opened = new CountDownLatch(1);

		void pass() throws InterruptedException {
			this.entered.countDown();
			if (!this.opened.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The gate was never opened");
			}
		}

		boolean awaitEntered() throws InterruptedException {
			return this.entered.await(30, TimeUnit.SECONDS);
		}

		void open() {
			this.opened.countDown();
		}

	}

}
