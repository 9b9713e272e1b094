package io.pusherspring.event;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import io.pusherspring.core.PusherOperations;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.ClassFilter;
import org.springframework.aop.MethodMatcher;
import org.springframework.aop.Pointcut;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcher;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * Proxies the beans that have {@link PusherEvent @PusherEvent} methods, with an advisor
 * that publishes their events. Every annotation is parsed and checked when its bean is
 * created: an annotation that cannot work fails start-up with an
 * {@link InvalidPusherEventException}.
 * <p>
 * The advisor goes last in an existing proxy's chain, nearest to the method, so that it
 * sees the transaction the method runs in. The {@link PusherOperations} to publish with
 * and the {@link SocketIdResolver} are looked up in the bean factory on first use.
 */
public class PusherEventAnnotationBeanPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor
		implements ApplicationEventPublisherAware {

	/** Publishes a {@link PusherPublishFailedEvent} for each failure. */
	private @Nullable ApplicationEventPublisher eventPublisher;

	/** Whether a failure to publish fails the annotated method. */
	private boolean failOnError;

	/**
	 * Set whether a failure to publish that happens before the method's result is handed
	 * back (not after a commit, not asynchronously) is thrown to the caller after it is
	 * reported. Default is {@code false}.
	 * @param failOnError whether to throw failures to the caller
	 */
	public void setFailOnError(boolean failOnError) {
		this.failOnError = failOnError;
	}

	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		super.setBeanFactory(beanFactory);
		Assert.isInstanceOf(ListableBeanFactory.class, beanFactory, "A ListableBeanFactory is required");
		ListableBeanFactory beans = (ListableBeanFactory) beanFactory;
		Supplier<PusherEventDispatcher> dispatcher = SingletonSupplier.of(() -> {
			Assert.state(this.eventPublisher != null, "An ApplicationEventPublisher is required");
			return new PusherEventDispatcher(() -> beans.getBean(PusherOperations.class), this.eventPublisher,
					this.failOnError);
		});
		PusherEventExpressionEvaluator evaluator = new PusherEventExpressionEvaluator(
				new BeanFactoryResolver(beanFactory));
		PusherEventMethods methods = new PusherEventMethods(new PusherEventParser(evaluator, beanFactory));
		PusherEventInterceptor interceptor = new PusherEventInterceptor(methods, evaluator, dispatcher,
				SingletonSupplier.ofNullable(() -> beans.getBeanProvider(SocketIdResolver.class).getIfAvailable()),
				SingletonSupplier.of(() -> ReactivePusherEvents.create(dispatcher.get(), beans)));
		this.advisor = new DefaultPointcutAdvisor(new PusherEventPointcut(methods), interceptor);
	}

	/**
	 * Matches the {@code @PusherEvent} methods of a class; checking the class parses all
	 * of them.
	 */
	private static final class PusherEventPointcut extends StaticMethodMatcher implements Pointcut, ClassFilter {

		private final PusherEventMethods methods;

		PusherEventPointcut(PusherEventMethods methods) {
			this.methods = methods;
		}

		@Override
		public boolean matches(Class<?> clazz) {
			return this.methods.hasPusherEvents(clazz);
		}

		@Override
		public boolean matches(Method method, @Nullable Class<?> targetClass) {
			return this.methods.find(method, targetClass) != null;
		}

		@Override
		public ClassFilter getClassFilter() {
			return this;
		}

		@Override
		public MethodMatcher getMethodMatcher() {
			return this;
		}

	}

}
