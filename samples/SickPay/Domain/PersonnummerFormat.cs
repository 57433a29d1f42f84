using System.Diagnostics.CodeAnalysis;
using CaseCompliance;

namespace SickPay.Domain;

/// <summary>Parsing and masking of Swedish personal identity numbers (personnummer, YYYYMMDD-NNNN).</summary>
public static class PersonnummerFormat
{
    /// <summary>Accepts "YYYYMMDD-NNNN", "YYYYMMDDNNNN" or "YYMMDD-NNNN" and returns the 12-digit form with a hyphen.</summary>
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? personnummer)
    {
        personnummer = null;
        var digits = new string((input ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 10)
        {
            // A ten-digit number leaves the century out; assume the person is at most 99 years old.
            var year = 2000 + int.Parse(digits[..2]);
            digits = (year > DateTime.Today.Year ? year - 100 : year).ToString() + digits[2..];
        }

        if (digits.Length != 12 || !DateOnly.TryParseExact(digits[..8], "yyyyMMdd", out _) || !HasValidCheckDigit(digits[2..]))
        {
            return false;
        }

        personnummer = $"{digits[..8]}-{digits[8..]}";
        return true;
    }

    /// <summary>Shows the date of birth only, for screens and logs: "19121212-****".</summary>
    [Redactor]
    public static string Mask(string personnummer) => personnummer.Length >= 8 ? personnummer[..8] + "-****" : "********-****";

    /// <summary>The Luhn check over the ten digits YYMMDDNNNC.</summary>
    private static bool HasValidCheckDigit(string tenDigits)
    {
        var sum = tenDigits
            .Take(9)
            .Select((c, i) => (c - '0') * (i % 2 == 0 ? 2 : 1))
            .Sum(p => p / 10 + p % 10);
        return (10 - sum % 10) % 10 == tenDigits[9] - '0';
    }
}
