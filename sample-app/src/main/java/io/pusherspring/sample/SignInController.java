package io.pusherspring.sample;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page: it names the application and lists the demo users with their
 * passwords. Spring Security checks what the form posts (see
 * {@link SecurityConfiguration}).
 */
@Controller
class SignInController {

	private final List<DemoUser> demoUsers;

	SignInController(ClassroomUsers users) {
		this.demoUsers = users.all()
			.stream()
			.map((user) -> new DemoUser(user.id(), SecurityConfiguration.demoPassword(user), user.name(),
					user.role().name().toLowerCase(Locale.ROOT)))
			.toList();
	}

	@GetMapping("/login")
	String signIn(Model model, CsrfToken csrf, @RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String logout) {
		model.addAttribute("demoUsers", this.demoUsers);
		model.addAttribute("failed", error != null);
		model.addAttribute("signedOut", logout != null);
		model.addAttribute("csrfParameter", csrf.getParameterName());
		model.addAttribute("csrfToken", csrf.getToken());
		return "login";
	}

	/**
	 * A demo user, as the sign-in page lists them.
	 *
	 * @param id the user name
	 * @param password the password
	 * @param name the full name
	 * @param role {@code teacher} or {@code student}
	 */
	record DemoUser(String id, String password, String name, String role) {
	}

}
