package org.servicedesk;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An API refusal speaks the language the request asks for by Accept-Language, English without one:
 * from the API's error handler and from a filter (written by the one problem writer), byte for byte
 * as before in English.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ProblemLanguageTest {

    @Autowired MockMvc mvc;

    @Test
    void aBadTicketAskedForInChineseGetsAChineseTitleAndDetail() throws Exception {
        mvc.perform(post("/api/tickets").with(httpBasic("alice", LoggedIn.PASSWORD)).header("Accept-Language", "zh")
                .contentType(MediaType.APPLICATION_JSON).content(TicketApiTest.VALID.replace("{", "{\"isAdmin\": true,")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("无法读取的请求"))
                .andExpect(jsonPath("$.detail").value("未知字段 isAdmin。"));
        mvc.perform(post("/api/tickets").with(httpBasic("alice", LoggedIn.PASSWORD))
                .header("Accept-Language", "zh-CN,zh;q=0.9").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.title").value("无效请求"));
        mvc.perform(post("/api/tickets").with(httpBasic("alice", LoggedIn.PASSWORD)).header("Accept-Language", "fr")
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.title").value("Invalid request"));
    }

    @Test
    void aFiltersRefusalIsChineseWhenAskedForAndOtherwiseTheSameBytesAsBefore() throws Exception {
        mvc.perform(get(URI.create("/%61pi/tickets")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8"))
                .andExpect(content().string("{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
                        + "\"detail\":\"The first part of the address must not be percent-encoded.\"}"));
        mvc.perform(get(URI.create("/%61pi/tickets")).header("Accept-Language", "zh"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("无效请求"))
                .andExpect(jsonPath("$.detail").value("地址的第一部分不得使用百分号编码。"));
        mvc.perform(get("/api/tickets").header("Accept-Language", "zh"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("未登录"))
                .andExpect(jsonPath("$.message").value("请先登录：使用客服中心用户的 HTTP Basic 认证。"));
    }
}
