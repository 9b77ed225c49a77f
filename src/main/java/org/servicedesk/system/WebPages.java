package org.servicedesk.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Short addresses for our own pages. */
@Configuration
class WebPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/intake").setViewName("forward:/intake.html");
        registry.addViewController("/reports").setViewName("forward:/reports.html");
    }
}
