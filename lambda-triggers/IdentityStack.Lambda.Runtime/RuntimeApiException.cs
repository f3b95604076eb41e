using System.Net;

namespace IdentityStack.Lambda.Runtime;

/// <summary>The Runtime API answered with an unexpected status.</summary>
public sealed class RuntimeApiException : Exception
{
    /// <summary>Creates the exception for a call and the status it got.</summary>
    public RuntimeApiException(string call, HttpStatusCode statusCode, string body)
        : base($"Lambda Runtime API {call} answered {(int)statusCode} {statusCode}: {body}")
    {
        StatusCode = statusCode;
    }

    /// <summary>Creates the exception with a message.</summary>
    public RuntimeApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public RuntimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RuntimeApiException()
    {
    }

    /// <summary>The HTTP status the API answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// A 500 means the runtime environment itself is broken: the process must exit and let Lambda
    /// start a new one.
    /// </summary>
    public bool IsFatal => StatusCode == HttpStatusCode.InternalServerError;
}
