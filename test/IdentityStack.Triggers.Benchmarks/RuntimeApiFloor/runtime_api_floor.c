/*
 * The floor the trigger benchmark measures against: the least a process can do to answer a Lambda
 * invocation. It connects to AWS_LAMBDA_RUNTIME_API, asks for the next event, posts the event back
 * as the response (as a Cognito trigger returns its event), and loops on one keep-alive connection
 * until the Runtime API answers "next" with anything but 200; then it exits 0.
 *
 * Plain C and libc only, no allocation after start. It reads Content-Length bodies only (what the
 * Runtime API sends); a chunked body or a malformed response is a clear error and exit 2.
 * ./build.sh bench builds it with clang -O2; the benchmark runs it interleaved with the handlers.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#define HEAD_MAX 16384
#define BODY_MAX (6 * 1024 * 1024) /* Lambda's synchronous payload limit */
#define ID_MAX 256

static char head[HEAD_MAX];
static char body[BODY_MAX];

static void fail(const char *what)
{
    fprintf(stderr, "runtime-api-floor: %s\n", what);
    exit(2);
}

static int connect_api(const char *api)
{
    char host[256];
    const char *colon = strrchr(api, ':');
    if (colon == NULL || (size_t)(colon - api) >= sizeof host)
        fail("AWS_LAMBDA_RUNTIME_API must be host:port");
    memcpy(host, api, (size_t)(colon - api));
    host[colon - api] = '\0';

    struct addrinfo hints = {0}, *found = NULL;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, colon + 1, &hints, &found) != 0 || found == NULL)
        fail("cannot resolve AWS_LAMBDA_RUNTIME_API");
    int fd = socket(found->ai_family, found->ai_socktype, found->ai_protocol);
    if (fd < 0 || connect(fd, found->ai_addr, found->ai_addrlen) != 0)
        fail("cannot connect to AWS_LAMBDA_RUNTIME_API");
    freeaddrinfo(found);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

static void send_all(int fd, const char *data, size_t length)
{
    while (length > 0) {
        ssize_t sent = send(fd, data, length, MSG_NOSIGNAL);
        if (sent <= 0)
            fail("the Runtime API closed the connection while we were sending");
        data += sent;
        length -= (size_t)sent;
    }
}

/* Value of header `name` in the header block `headers` (NUL-terminated), copied into `out`; 0 if absent. */
static int header(const char *headers, const char *name, char *out, size_t size)
{
    size_t name_length = strlen(name);
    for (const char *line = strstr(headers, "\r\n"); line != NULL; line = strstr(line, "\r\n")) {
        line += 2;
        if (strncasecmp(line, name, name_length) == 0 && line[name_length] == ':') {
            const char *value = line + name_length + 1;
            while (*value == ' ')
                value++;
            size_t length = strcspn(value, "\r\n");
            if (length >= size)
                fail("a response header is too long");
            memcpy(out, value, length);
            out[length] = '\0';
            return 1;
        }
    }
    return 0;
}

/* Reads one response; returns its status, the body into `body` with its length in `*length`. */
static int read_response(int fd, char *headers_out, size_t *length)
{
    size_t have = 0;
    char *end = NULL;
    while (end == NULL) {
        if (have == HEAD_MAX - 1)
            fail("response headers too large");
        ssize_t got = recv(fd, head + have, HEAD_MAX - 1 - have, 0);
        if (got <= 0)
            fail("the Runtime API closed the connection");
        have += (size_t)got;
        head[have] = '\0';
        end = strstr(head, "\r\n\r\n");
    }
    size_t head_length = (size_t)(end - head) + 4;
    int status = 0;
    if (sscanf(head, "HTTP/1.%*d %d", &status) != 1)
        fail("malformed status line");

    memcpy(headers_out, head, head_length - 2);
    headers_out[head_length - 2] = '\0';
    char value[64];
    if (header(headers_out, "Transfer-Encoding", value, sizeof value))
        fail("chunked bodies are not read by the floor");
    size_t content_length = 0;
    if (header(headers_out, "Content-Length", value, sizeof value))
        content_length = strtoul(value, NULL, 10);
    if (content_length >= BODY_MAX)
        fail("body too large");

    size_t already = have - head_length;
    if (already > content_length)
        fail("more bytes than Content-Length (pipelining is not expected)");
    memcpy(body, head + head_length, already);
    while (already < content_length) {
        ssize_t got = recv(fd, body + already, content_length - already, 0);
        if (got <= 0)
            fail("the Runtime API closed the connection mid-body");
        already += (size_t)got;
    }
    body[content_length] = '\0';
    *length = content_length;
    return status;
}

int main(void)
{
    const char *api = getenv("AWS_LAMBDA_RUNTIME_API");
    if (api == NULL || *api == '\0')
        fail("AWS_LAMBDA_RUNTIME_API is not set");
    int fd = connect_api(api);
    static char headers[HEAD_MAX];
    char request[1024];

    for (;;) {
        int n = snprintf(request, sizeof request,
                         "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: %s\r\n\r\n", api);
        send_all(fd, request, (size_t)n);
        size_t length = 0;
        if (read_response(fd, headers, &length) != 200)
            return 0; /* no more events */

        char id[ID_MAX];
        if (!header(headers, "Lambda-Runtime-Aws-Request-Id", id, sizeof id))
            fail("the event has no Lambda-Runtime-Aws-Request-Id");
        n = snprintf(request, sizeof request,
                     "POST /2018-06-01/runtime/invocation/%s/response HTTP/1.1\r\nHost: %s\r\n"
                     "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
                     id, api, length);
        if (n < 0 || (size_t)n >= sizeof request)
            fail("request id too long");
        send_all(fd, request, (size_t)n);
        send_all(fd, body, length);
        size_t ignored = 0;
        int status = read_response(fd, headers, &ignored);
        if (status != 202)
            fail("the Runtime API refused the response");
    }
}
