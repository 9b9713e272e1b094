package io.pusherspring.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.autoconfigure.PusherAutoConfiguration;
import io.pusherspring.autoconfigure.PusherEventAutoConfiguration;
import io.pusherspring.autoconfigure.PusherReactiveAutoConfiguration;
import io.pusherspring.core.PusherApiException;
import io.pusherspring.core.ScriptedTransport;
import io.pusherspring.event.Triggers.Trigger;
import io.r2dbc.h2.H2ConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code @PusherEvent} on methods that return a {@link Mono} (one event once it emits) or
 * a {@link Flux} (one event per element), and after the commit of a real R2DBC
 * transaction on H2.
 */
class ReactivePusherEventTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class,
				PusherReactiveAutoConfiguration.class, PusherEventAutoConfiguration.class))
		.withUserConfiguration(LessonConfiguration.class)
		.withPropertyValues("pusher.app-id=1", "pusher.key=key", "pusher.secret=secret");

	@Test
	void aMonoPublishesOnceItEmitsWithTheValueAsResult() {
		this.runner.run((context) -> {
			Mono<Lesson> published = lessons(context).publish(7, "Fractions");
			assertThat(triggers(context)).isEmpty();
			assertThat(published.block()).isEqualTo(new Lesson(7, "Fractions"));
			assertThat(triggers(context)).containsExactly(new Trigger(List.of("private-class-7"), "lesson.published",
					"{\"classId\":7,\"title\":\"Fractions\"}", null));
		});
	}

	@Test
	void aMonoPublishesOncePerSubscription() {
		this.runner.run((context) -> {
			Mono<Lesson> published = lessons(context).publish(7, "Fractions");
			published.block();
			published.block();
			assertThat(triggers(context)).hasSize(2);
		});
	}

	@Test
	void aMonoThatErrorsCompletesEmptyOrIsNeverSubscribedPublishesNothing() {
		this.runner.run((context) -> {
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> lessons(context).failing(7).block());
			assertThat(lessons(context).nothing(7).block()).isNull();
			lessons(context).publish(8, "never subscribed");
			assertThat(triggers(context)).isEmpty();
		});
	}

	@Test
	void aFluxPublishesOneEventPerElementInOrderEachBeforeTheElementPassesOn() {
		this.runner.run((context) -> {
			List<Integer> sentBeforeEachElement = new CopyOnWriteArrayList<>();
			ScriptedTransport transport = context.getBean(ScriptedTransport.class);
			List<String> asked = lessons(context).ask(7, "Why?", "How?", "When?")
				.doOnNext((question) -> sentBeforeEachElement.add(transport.requests().size()))
				.collectList()
				.block();
			assertThat(asked).containsExactly("Why?", "How?", "When?");
			assertThat(sentBeforeEachElement).containsExactly(1, 2, 3);
			assertThat(triggers(context)).extracting(Trigger::data)
				.containsExactly("{\"question\":\"Why?\"}", "{\"question\":\"How?\"}", "{\"question\":\"When?\"}");
		});
	}

	@Test
	void insideAnR2dbcTransactionAMonoPublishesAfterTheCommit() {
		this.runner.run((context) -> {
			AtomicInteger sentBeforeCommit = new AtomicInteger(-1);
			Lesson saved = transactional(context)
				.transactional(lessons(context).save(7, "Fractions")
					.doOnNext((lesson) -> sentBeforeCommit.set(triggers(context).size())))
				.block();
			assertThat(saved).isEqualTo(new Lesson(7, "Fractions"));
			assertThat(sentBeforeCommit).hasValue(0);
			assertThat(triggers(context)).singleElement()
				.satisfies((trigger) -> assertThat(trigger.event()).isEqualTo("lesson.saved"));
			assertThat(rows(context)).isEqualTo(1);
		});
	}

	@Test
	void insideAnR2dbcTransactionThatRollsBackNothingIsPublished() {
		this.runner.run((context) -> {
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(
					() -> transactional(context)
						.transactional(lessons(context).save(7, "Fractions")
							.then(Mono.error(new IllegalStateException("the rest of the work failed"))))
						.block());
			assertThat(rows(context)).isZero();
			assertThat(triggers(context)).isEmpty();
		});
	}

	@Test
	void aTransactionalMethodPublishesAfterItsOwnCommit() {
		this.runner.run((context) -> {
			assertThat(lessons(context).saveInItsOwnTransaction(7, "Decimals").block())
				.isEqualTo(new Lesson(7, "Decimals"));
			assertThat(rows(context)).isEqualTo(1);
			assertThat(triggers(context)).extracting(Trigger::event).containsExactly("lesson.saved");
		});
	}

	@Test
	void withoutAfterCommitItPublishesInsideTheTransaction() {
		this.runner.run((context) -> {
			AtomicInteger sentBeforeCommit = new AtomicInteger(-1);
			transactional(context)
				.transactional(lessons(context).draft(7, "Fractions")
					.doOnNext((lesson) -> sentBeforeCommit.set(triggers(context).size())))
				.block();
			assertThat(sentBeforeCommit).hasValue(1);
		});
	}

	@Test
	@ExtendWith(QuietOutputCaptureExtension.class)
	void aFailureToPublishIsReportedAndTheValuePassesOn(CapturedOutput output) {
		this.runner.run((context) -> {
			context.getBean(ScriptedTransport.class).thenAnswer(400);
			assertThat(lessons(context).publish(7, "Fractions").block()).isEqualTo(new Lesson(7, "Fractions"));
			assertThat(context.getBean(LessonConfiguration.class).failures).singleElement()
				.satisfies((failure) -> assertThat(failure.getException()).isInstanceOf(PusherApiException.class));
		});
		assertThat(output.getAll().lines().filter((line) -> line.contains(" ERROR ")))
			.singleElement(as(InstanceOfAssertFactories.STRING))
			.contains("Failed to publish 'lesson.published' to private-class-7")
			.contains("HTTP 400");
		assertThat(output).doesNotContain("\tat ");
	}

	@Test
	@ExtendWith(QuietOutputCaptureExtension.class)
	void withFailOnErrorAFailureToPublishIsTheErrorSignal() {
		this.runner.withPropertyValues("pusher.events.fail-on-error=true").run((context) -> {
			context.getBean(ScriptedTransport.class).thenAnswer(400);
			assertThatExceptionOfType(PusherApiException.class)
				.isThrownBy(() -> lessons(context).publish(7, "Fractions").block());
			assertThat(context.getBean(LessonConfiguration.class).failures).hasSize(1);
		});
	}

	private static LessonService lessons(AssertableApplicationContext context) {
		return context.getBean(LessonService.class);
	}

	private static TransactionalOperator transactional(AssertableApplicationContext context) {
		return TransactionalOperator.create(context.getBean(R2dbcTransactionManager.class));
	}

	private static List<Trigger> triggers(AssertableApplicationContext context) {
		return Triggers.of(context.getBean(ScriptedTransport.class));
	}

	private static Long rows(AssertableApplicationContext context) {
		return context.getBean(DatabaseClient.class)
			.sql("SELECT COUNT(*) AS n FROM lesson")
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

	record Lesson(long classId, String title) {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	static class LessonConfiguration {

		private static final AtomicInteger databases = new AtomicInteger();

		final List<PusherPublishFailedEvent> failures = new CopyOnWriteArrayList<>();

		@Bean
		ScriptedTransport scriptedTransport() {
			return new ScriptedTransport();
		}

		@Bean
		ConnectionFactory connectionFactory() {
			return H2ConnectionFactory.inMemory("lessons-" + databases.incrementAndGet());
		}

		@Bean
		DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
			DatabaseClient client = DatabaseClient.create(connectionFactory);
			client.sql("CREATE TABLE lesson (class_id BIGINT, title VARCHAR(100))").then().block();
			return client;
		}

		@Bean
		R2dbcTransactionManager transactionManager(ConnectionFactory connectionFactory) {
			return new R2dbcTransactionManager(connectionFactory);
		}

		@Bean
		LessonService lessonService(DatabaseClient databaseClient) {
			return new LessonService(databaseClient);
		}

		@EventListener
		void failed(PusherPublishFailedEvent failure) {
			this.failures.add(failure);
		}

	}

	static class LessonService {

		private final DatabaseClient database;

		LessonService(DatabaseClient database) {
			this.database = database;
		}

		@PusherEvent(channels = "private-class-#{#classId}", event = "lesson.published")
		public Mono<Lesson> publish(long classId, String title) {
			return Mono.fromSupplier(() -> new Lesson(classId, title));
		}

		@PusherEvent(channels = "private-class-#{#classId}", event = "lesson.published")
		public Mono<Lesson> failing(long classId) {
			return Mono.error(new IllegalStateException("no lesson"));
		}

		@PusherEvent(channels = "private-class-#{#classId}", event = "lesson.published")
		public Mono<Lesson> nothing(long classId) {
			return Mono.empty();
		}

		@PusherEvent(channels = "private-class-#{#classId}", event = "question.asked", data = "{question: #result}")
		public Flux<String> ask(long classId, String... questions) {
			return Flux.just(questions);
		}

		@PusherEvent(channels = "private-class-#{#classId}", event = "lesson.saved")
		public Mono<Lesson> save(long classId, String title) {
			return insert(classId, title);
		}

		@Transactional
		@PusherEvent(channels = "private-class-#{#classId}", event = "lesson.saved")
		public Mono<Lesson> saveInItsOwnTransaction(long classId, String title) {
			return insert(classId, title);
		}

		@PusherEvent(channels = "private-class-#{#classId}", event = "lesson.drafted", afterCommit = false)
		public Mono<Lesson> draft(long classId, String title) {
			return insert(classId, title);
		}

		private Mono<Lesson> insert(long classId, String title) {
			return this.database.sql("INSERT INTO lesson (class_id, title) VALUES (:classId, :title)")
				.bind("classId", classId)
				.bind("title", title)
				.fetch()
				.rowsUpdated()
				.map((rows) -> new Lesson(classId, title));
		}

	}

}
