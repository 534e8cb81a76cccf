package org.xietong.web;

import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.xietong.accounts.CurrentUser;
import org.xietong.shared.Languages;

/** The public front page, each role's home page and the language switch. */
@Controller
class PagesController {

	private final LocaleResolver localeResolver;

	private final MyTasks tasks;

	private final OpenBatches batches;

	private final KeyFigures figures;

	private final Clock clock;

	PagesController(LocaleResolver localeResolver, MyTasks tasks, OpenBatches batches, KeyFigures figures,
			Clock clock) {
		this.localeResolver = localeResolver;
		this.tasks = tasks;
		this.batches = batches;
		this.figures = figures;
		this.clock = clock;
	}

	@GetMapping("/")
	String index() {
		return "web/index";
	}

	@GetMapping("/home")
	String home(Model model, HttpServletRequest request) {
		CurrentUser user = CurrentUser.get().orElseThrow();
		model.addAttribute("user", user);
		Locale locale = RequestContextUtils.getLocale(request);
		model.addAttribute("tasks", this.tasks.of(user, locale));
		model.addAttribute("batches", this.batches.now());
		model.addAttribute("figures", this.figures.of(user, locale));
		model.addAttribute("now", this.clock.instant());
		return "web/home";
	}

	@GetMapping("/lang")
	String language(@RequestParam String to, @RequestParam(defaultValue = "/") String back, HttpServletRequest request,
			HttpServletResponse response) {
		Locale locale = Languages.fromTag(to);
		this.localeResolver.setLocale(request, response, locale);
		boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") && !back.contains("\r")
				&& !back.contains("\n");
		return "redirect:" + (local ? back : "/");
	}

}
