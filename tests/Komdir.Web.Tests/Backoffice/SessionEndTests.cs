using System.Net;
using Komdir.Cms.Users;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Komdir.Web.Tests.Backoffice;

/// <summary>
/// Sign-out and a password change end the session on the server: a copy of the old cookie, replayed afterwards, is
/// refused at once, on this node and on another node of the same database.
/// </summary>
public sealed class SessionEndTests : IDisposable
{
    private readonly KomdirWebApplicationFactory site = new();

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_refused_on_every_node()
    {
        var email = await site.CreateUserAsync(BackofficeRoles.Editor);
        using var otherNode = new KomdirWebApplicationFactory(site);
        var browser = new CookieJar(site);
        var copied = await browser.SignInAsync(email, BackofficeTestClient.Password);
        Assert.Equal(HttpStatusCode.OK, (await Replay(site, copied, "/backoffice")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Replay(otherNode, copied, "/backoffice")).StatusCode);

        var dashboard = await (await browser.GetAsync("/backoffice")).Content.ReadAsStringAsync();
        var signOut = await browser.PostAsync("/backoffice/logout", new() { ["__RequestVerificationToken"] = BackofficeTestClient.AntiforgeryToken(dashboard) });
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        AssertSentToSignIn(await Replay(site, copied, "/backoffice"));
        AssertSentToSignIn(await Replay(otherNode, copied, "/backoffice"));
        AssertSentToSignIn(await Replay(site, copied, "/backoffice/content"));
    }

    [Fact]
    public async Task A_cookie_replayed_after_a_password_change_is_refused_while_the_changing_session_goes_on()
    {
        var email = await site.CreateUserAsync(BackofficeRoles.Writer);
        var browser = new CookieJar(site);
        var copied = await browser.SignInAsync(email, BackofficeTestClient.Password);
        Assert.Equal(HttpStatusCode.OK, (await Replay(site, copied, "/backoffice")).StatusCode);

        var form = await (await browser.GetAsync("/backoffice/adgangskode")).Content.ReadAsStringAsync();
        var changed = await browser.PostAsync("/backoffice/adgangskode", new()
        {
            ["__RequestVerificationToken"] = BackofficeTestClient.AntiforgeryToken(form),
            ["_handler"] = "change-password",
            ["Input.CurrentPassword"] = BackofficeTestClient.Password,
            ["Input.NewPassword"] = "en helt ny og lang adgangssætning",
            ["Input.ConfirmPassword"] = "en helt ny og lang adgangssætning",
        });
        Assert.Contains("Din adgangskode er skiftet.", await changed.Content.ReadAsStringAsync());

        AssertSentToSignIn(await Replay(site, copied, "/backoffice"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/backoffice")).StatusCode);
    }

    private static async Task<HttpResponseMessage> Replay(KomdirWebApplicationFactory node, string authCookie, string path)
    {
        using var client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", authCookie);
        return await client.SendAsync(request);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/backoffice/login", response.Headers.Location?.IsAbsoluteUri == true ? response.Headers.Location.PathAndQuery : response.Headers.Location?.OriginalString);
    }

    /// <summary>A browser's cookies kept by hand, so the test can copy the sign-in cookie as an attacker would.</summary>
    private sealed class CookieJar(KomdirWebApplicationFactory node)
    {
        private readonly HttpClient client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        private readonly Dictionary<string, string> cookies = [];

        /// <summary>Signs in and returns the sign-in cookie as a Cookie header ("komdir.backoffice=…").</summary>
        public async Task<string> SignInAsync(string email, string password)
        {
            var form = await (await GetAsync("/backoffice/login")).Content.ReadAsStringAsync();
            var response = await PostAsync("/backoffice/login", new()
            {
                ["__RequestVerificationToken"] = BackofficeTestClient.AntiforgeryToken(form),
                ["_handler"] = "login",
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return $"{Komdir.Web.Backoffice.BackofficeExtensions.CookieName}={cookies[Komdir.Web.Backoffice.BackofficeExtensions.CookieName]}";
        }

        public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        public Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> form) =>
            SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) });

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await client.SendAsync(request);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';', 2)[0];
                var (name, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    cookies.Remove(name);
                }
                else
                {
                    cookies[name] = value;
                }
            }

            return response;
        }
    }
}
