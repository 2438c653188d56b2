#!/usr/bin/env python3
"""Self-check of the test OpenID Connect provider (Tests/sso/start-provider.sh), with `requests` only.

    python3 Tests/sso/check_provider.py BASE_URL REDIRECT_URI

BASE_URL is http://127.0.0.1:PORT (or the issuer, http://127.0.0.1:PORT/openid). REDIRECT_URI must be one of
those the provider was started with; it is never fetched. The check signs in as a browser would
(authorize -> login form with its CSRF token -> credentials -> authorize -> redirect carrying code and state),
with PKCE S256 and a nonce, exchanges the code at the token endpoint (client_secret_post, then
client_secret_basic on a second code), checks the ID token (header, claims, RS256 signature against the JWKS,
in plain Python) and the userinfo endpoint, and that a wrong or missing code_verifier, a reused code and a
wrong password are refused. It prints the decoded header and claims and ends with `N passed, N failed`;
its exit code is 0 only if nothing failed.
"""
import base64
import hashlib
import html
import json
import re
import secrets
import sys
import time
from urllib.parse import parse_qs, urljoin, urlsplit

import requests

CLIENT_ID = "masterly"
CLIENT_SECRET = "masterly-sso-secret"
PASSWORD = "sso-password"
USERS = {
    "student": "student@school-1.example.org",
    "teacher": "teacher@school-1.example.org",
    "stranger": "stranger@elsewhere.example.org",
}
TIMEOUT = 10

passed = 0
failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
        print(f"  ok    {what}")
    else:
        failed += 1
        print(f"  FAIL  {what}")
    return condition


class Stop(Exception):
    """A failure after which the rest of the check cannot go on."""


def require(condition, what):
    if not check(condition, what):
        raise Stop(what)


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def decode_jwt(token):
    header, payload, signature = token.split(".")
    return (json.loads(b64url_decode(header)), json.loads(b64url_decode(payload)),
            f"{header}.{payload}".encode("ascii"), b64url_decode(signature))


def rs256_valid(signing_input, signature, jwk):
    """RSASSA-PKCS1-v1_5 with SHA-256, verified with the JWK's n and e (no crypto library)."""
    n = int.from_bytes(b64url_decode(jwk["n"]), "big")
    e = int.from_bytes(b64url_decode(jwk["e"]), "big")
    k = (n.bit_length() + 7) // 8
    if len(signature) != k:
        return False
    em = pow(int.from_bytes(signature, "big"), e, n).to_bytes(k, "big")
    digest_info = bytes.fromhex("3031300d060960864801650304020105000420") + hashlib.sha256(signing_input).digest()
    expected = b"\x00\x01" + b"\xff" * (k - len(digest_info) - 3) + b"\x00" + digest_info
    return em == expected


def pkce_pair():
    verifier = b64url(secrets.token_bytes(48))
    return verifier, b64url(hashlib.sha256(verifier.encode("ascii")).digest())


def form_fields(page):
    """Hidden inputs of the login form (csrfmiddlewaretoken, next)."""
    fields = {}
    for tag in re.findall(r"<input\b[^>]*>", page):
        name = re.search(r'\bname="([^"]*)"', tag)
        value = re.search(r'\bvalue="([^"]*)"', tag)
        if name and 'type="hidden"' in tag:
            fields[html.unescape(name.group(1))] = html.unescape(value.group(1)) if value else ""
    return fields


def sign_in(session, config, redirect_uri, username, password=PASSWORD, check_page=False, **extra):
    """Runs the browser part of the flow; returns (redirect URL to the client, whether a login form was shown)."""
    state, nonce = b64url(secrets.token_bytes(16)), b64url(secrets.token_bytes(16))
    params = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": redirect_uri,
        "scope": "openid email profile",
        "state": state,
        "nonce": nonce,
    }
    params.update(extra)
    url, saw_login = config["authorization_endpoint"], False
    response = session.get(url, params=params, allow_redirects=False, timeout=TIMEOUT)
    for _ in range(10):
        if response.status_code in (301, 302, 303, 307, 308):
            location = urljoin(response.url, response.headers["Location"])
            if location.startswith(redirect_uri):
                return location, saw_login, state, nonce
            response = session.get(location, allow_redirects=False, timeout=TIMEOUT)
            continue
        if response.status_code == 200 and 'name="password"' in response.text:
            if saw_login:   # shown again after the credentials were posted: refused
                return None, saw_login, response, nonce
            saw_login = True
            page = response.text
            if check_page:
                check(re.search(r'<html[^>]*\blang="en"', page) is not None, 'login page: <html lang="en">')
                check(re.search(r"<title>[^<]+</title>", page) is not None, "login page: a <title>")
                check('<label for="id_username">' in page and 'id="id_username"' in page,
                      "login page: a <label> for username")
                check('<label for="id_password">' in page and 'id="id_password"' in page,
                      "login page: a <label> for password")
                check('id="sign-in"' in page, 'login page: a submit button with id="sign-in"')
                check(config["issuer"].split("/openid")[0] + "/accounts/login/" in response.url,
                      f"authorize sent the browser to /accounts/login/ ({urlsplit(response.url).path})")
            fields = form_fields(page)
            require("csrfmiddlewaretoken" in fields, "login page: a CSRF token in the form")
            fields.update(username=username, password=password)
            origin = "{0.scheme}://{0.netloc}".format(urlsplit(response.url))
            response = session.post(response.url.split("?")[0], data=fields, allow_redirects=False,
                                    headers={"Origin": origin, "Referer": response.url}, timeout=TIMEOUT)
            continue
        raise Stop(f"unexpected answer {response.status_code} from {response.url}: {response.text[:300]}")
    raise Stop("too many redirects")


def token_request(config, redirect_uri, code, verifier, method="client_secret_post"):
    data = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri}
    if verifier is not None:
        data["code_verifier"] = verifier
    auth = None
    if method == "client_secret_post":
        data.update(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    else:
        auth = (CLIENT_ID, CLIENT_SECRET)
    return requests.post(config["token_endpoint"], data=data, auth=auth, timeout=TIMEOUT)


def code_flow(session, config, redirect_uri, username, check_page=False):
    """Sign in with PKCE S256 + nonce; returns (code, verifier, nonce)."""
    verifier, challenge = pkce_pair()
    location, saw_login, state, nonce = sign_in(
        session, config, redirect_uri, username, check_page=check_page,
        code_challenge=challenge, code_challenge_method="S256")
    require(location is not None, f"{username}: credentials accepted")
    query = parse_qs(urlsplit(location).query)
    require("code" in query, f"{username}: redirected to the redirect URI with a code ({location[:90]}...)")
    check(query.get("state") == [state], f"{username}: state echoed in the redirect")
    return query["code"][0], verifier, nonce


def check_id_token(id_token, config, jwks, nonce, username, label):
    header, claims, signing_input, signature = decode_jwt(id_token)
    print(f"  {label} ID token header: {json.dumps(header, sort_keys=True)}")
    print(f"  {label} ID token claims: {json.dumps(claims, sort_keys=True)}")
    check(header.get("alg") == "RS256", f"{label}: alg RS256")
    keys = {k.get("kid"): k for k in jwks.get("keys", [])}
    check(header.get("kid") in keys, f"{label}: header kid {header.get('kid')} is a JWKS key")
    if header.get("kid") in keys:
        check(rs256_valid(signing_input, signature, keys[header["kid"]]),
              f"{label}: RS256 signature valid with that JWKS key")
    check(claims.get("iss") == config["issuer"], f"{label}: iss == {config['issuer']}")
    check(claims.get("aud") in (CLIENT_ID, [CLIENT_ID]), f"{label}: aud == {CLIENT_ID}")
    check(claims.get("nonce") == nonce, f"{label}: nonce echoed")
    check(claims.get("email") == USERS[username], f"{label}: email == {USERS[username]}")
    check(claims.get("preferred_username") == username, f"{label}: preferred_username == {username}")
    check(bool(claims.get("sub")), f"{label}: sub present ({claims.get('sub')})")
    now = time.time()
    check(claims.get("iat", 0) <= now + 60 and claims.get("exp", 0) > now,
          f"{label}: iat <= now < exp (lifetime {claims.get('exp', 0) - claims.get('iat', 0)} s)")
    return claims


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    base, redirect_uri = sys.argv[1].rstrip("/"), sys.argv[2]
    issuer = base if base.endswith("/openid") else base + "/openid"

    print(f"discovery: {issuer}/.well-known/openid-configuration")
    config = requests.get(issuer + "/.well-known/openid-configuration", timeout=TIMEOUT).json()
    require(config.get("issuer") == issuer, f"discovery issuer == {issuer} (got {config.get('issuer')})")
    for key in ("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri"):
        require(str(config.get(key, "")).startswith(issuer + "/"), f"discovery {key}: {config.get(key)}")
    check("RS256" in config.get("id_token_signing_alg_values_supported", []), "discovery: RS256 supported")
    check("code" in config.get("response_types_supported", []), "discovery: response type code supported")
    print(f"  token_endpoint_auth_methods_supported: {config.get('token_endpoint_auth_methods_supported')}")
    print(f"  code_challenge_methods_supported: {config.get('code_challenge_methods_supported')}")
    print(f"  scopes_supported: {config.get('scopes_supported')}")

    jwks = requests.get(config["jwks_uri"], timeout=TIMEOUT).json()
    require(any(k.get("kty") == "RSA" and k.get("kid") for k in jwks.get("keys", [])), "JWKS: an RSA key with a kid")
    print(f"  JWKS kids: {[k.get('kid') for k in jwks['keys']]}")

    print("\nstudent: authorization code + PKCE S256 + nonce, client_secret_post")
    browser = requests.Session()
    code, verifier, nonce = code_flow(browser, config, redirect_uri, "student", check_page=True)
    check(any(c.name == "sso_provider_session" for c in browser.cookies),
          "the provider's session cookie is named sso_provider_session")
    wrong = token_request(config, redirect_uri, code, pkce_pair()[0])
    check(wrong.status_code == 400 and wrong.json().get("error") == "invalid_grant",
          f"wrong code_verifier refused ({wrong.status_code} {wrong.text.strip()})")
    missing = token_request(config, redirect_uri, code, None)
    check(missing.status_code == 400 and missing.json().get("error") == "invalid_grant",
          f"missing code_verifier refused ({missing.status_code} {missing.text.strip()})")
    bad_secret = requests.post(config["token_endpoint"], timeout=TIMEOUT, data={
        "grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
        "code_verifier": verifier, "client_id": CLIENT_ID, "client_secret": "wrong"})
    check(bad_secret.status_code == 400 and bad_secret.json().get("error") == "invalid_client",
          f"wrong client_secret refused ({bad_secret.status_code} {bad_secret.text.strip()})")
    response = token_request(config, redirect_uri, code, verifier, "client_secret_post")
    require(response.status_code == 200, f"token endpoint, client_secret_post: {response.status_code} {response.text[:200]}")
    tokens = response.json()
    require("id_token" in tokens and "access_token" in tokens, "token response has id_token and access_token")
    check(tokens.get("token_type", "").lower() == "bearer", f"token_type {tokens.get('token_type')}")
    check_id_token(tokens["id_token"], config, jwks, nonce, "student", "student")
    reused = token_request(config, redirect_uri, code, verifier)
    check(reused.status_code == 400, f"code used twice refused ({reused.status_code} {reused.text.strip()})")
    info = requests.get(config["userinfo_endpoint"], timeout=TIMEOUT,
                        headers={"Authorization": f"Bearer {tokens['access_token']}"})
    check(info.status_code == 200 and info.json().get("email") == USERS["student"]
          and info.json().get("preferred_username") == "student", f"userinfo: {info.text.strip()}")

    print("\nteacher (new browser): client_secret_basic")
    code, verifier, nonce = code_flow(requests.Session(), config, redirect_uri, "teacher")
    response = token_request(config, redirect_uri, code, verifier, "client_secret_basic")
    check(response.status_code == 200, f"token endpoint, client_secret_basic: {response.status_code}")
    if response.status_code == 200:
        check_id_token(response.json()["id_token"], config, jwks, nonce, "teacher", "teacher")

    print("\nstranger (new browser): the provider signs it in; refusing it is Masterly's job")
    code, verifier, nonce = code_flow(requests.Session(), config, redirect_uri, "stranger")
    response = token_request(config, redirect_uri, code, verifier)
    check(response.status_code == 200, f"token endpoint: {response.status_code}")
    if response.status_code == 200:
        check_id_token(response.json()["id_token"], config, jwks, nonce, "stranger", "stranger")

    print("\nrefusals")
    location, saw_login, page, _ = sign_in(requests.Session(), config, redirect_uri, "student", password="wrong")
    check(location is None and saw_login and "did not match" in page.text,
          "a wrong password shows the login form again with an error")
    refused = requests.get(config["authorization_endpoint"], allow_redirects=False, timeout=TIMEOUT, params={
        "response_type": "code", "client_id": CLIENT_ID, "redirect_uri": redirect_uri + "-elsewhere",
        "scope": "openid", "state": "s"})
    check(refused.status_code != 302, f"an unregistered redirect_uri is not redirected to ({refused.status_code})")

    print("\nsigned-in browser again: no login form, no consent screen")
    location, saw_login, _, _ = sign_in(browser, config, redirect_uri, "student")
    check(location is not None and not saw_login, "a second authorize with the provider session goes straight back")
    location, saw_login, _, _ = sign_in(browser, config, redirect_uri, "teacher", prompt="login")
    check(location is not None and saw_login, "prompt=login asks for credentials again (switch user)")
    return 0


if __name__ == "__main__":
    try:
        status = main()
    except Stop as stop:
        print(f"  stopped: {stop}")
        status = 1
    except (requests.RequestException, ValueError, KeyError) as error:
        failed += 1
        print(f"  FAIL  {type(error).__name__}: {error}")
        status = 1
    print(f"\ncheck_provider: {passed} passed, {failed} failed")
    sys.exit(1 if failed or status else 0)
