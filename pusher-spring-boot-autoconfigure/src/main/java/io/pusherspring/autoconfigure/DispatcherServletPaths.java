package io.pusherspring.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath;
import org.springframework.util.ClassUtils;

/**
 * Turns a path within the dispatcher servlet, where handler mappings match, into the path
 * within the application, where servlet filters match ({@code spring.mvc.servlet.path}
 * prepended).
 */
final class DispatcherServletPaths {

	private static final boolean PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath",
			DispatcherServletPaths.class.getClassLoader());

	private DispatcherServletPaths() {
	}

	static String withinApplication(String path, BeanFactory beanFactory) {
		return PRESENT ? WithDispatcherServletPath.withinApplication(path, beanFactory) : path;
	}

	/**
	 * Loaded only when Spring Boot's web MVC support is on the class path.
	 */
	private static final class WithDispatcherServletPath {

		static String withinApplication(String path, BeanFactory beanFactory) {
			DispatcherServletPath servletPath = beanFactory.getBeanProvider(DispatcherServletPath.class).getIfUnique();
			return (servletPath != null) ? servletPath.getRelativePath(path) : path;
		}

	}

}
