using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Komdir.Web.Infrastructure.OutputCaching;

/// <summary>The encodings a cached page is stored in.</summary>
public enum ContentCoding
{
    Identity,
    Brotli,
    Gzip,
}

/// <summary>Picks the stored encoding a reader's Accept-Encoding allows: Brotli, then gzip, else none.</summary>
public static class AcceptEncoding
{
    public static ContentCoding Choose(StringValues acceptEncoding)
    {
        bool brotli = false, gzip = false;
        foreach (var value in acceptEncoding)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            foreach (var range in value.AsSpan().Split(','))
            {
                var item = value.AsSpan(range).Trim();
                var parameters = item.IndexOf(';');
                var coding = (parameters < 0 ? item : item[..parameters]).Trim();
                if (parameters >= 0 && !IsAcceptable(item[(parameters + 1)..]))
                {
                    continue;
                }

                if (coding.Equals("br", StringComparison.OrdinalIgnoreCase) || coding.SequenceEqual("*"))
                {
                    brotli = true;
                }

                if (coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
                {
                    gzip = true;
                }
            }
        }

        return brotli ? ContentCoding.Brotli : gzip ? ContentCoding.Gzip : ContentCoding.Identity;
    }

    /// <summary>"q=0" (or 0.0, 0.000) refuses the coding; a weight that cannot be read is taken as refusal too.</summary>
    private static bool IsAcceptable(ReadOnlySpan<char> parameters)
    {
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range].Trim();
            if (parameter.Length > 2 && (parameter[0] == 'q' || parameter[0] == 'Q') && parameter[1] == '=')
            {
                return double.TryParse(parameter[2..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight) && weight > 0;
            }
        }

        return true;
    }
}
