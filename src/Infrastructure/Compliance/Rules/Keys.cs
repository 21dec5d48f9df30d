namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>Classifies rendered KMS key references.</summary>
internal static class Keys
{
    /// <summary>
    /// Whether a rendered key reference names a customer-managed key: a key resource of the app,
    /// or a key ARN of another app; AWS-managed aliases such as <c>alias/aws/sqs</c> are not.
    /// </summary>
    public static bool IsCustomerKey(AppTemplates app, string renderedKey)
    {
        if (renderedKey.Length == 0 || renderedKey.Contains("alias/aws/", StringComparison.Ordinal))
        {
            return false;
        }

        return app.ResolveReference(renderedKey)?.Type == "AWS::KMS::Key"
            || renderedKey.Contains(":key/", StringComparison.Ordinal);
    }
}
