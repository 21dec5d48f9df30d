using SyntheticData.Infrastructure;
using SyntheticData.Infrastructure.Compliance;

// `cdk synth` and `cdk deploy` run this program through cdk.json. Synthesis fails when any stack
// breaks a compliance rule, so a non-compliant template never reaches CloudFormation.
var (app, _) = InfrastructureApp.Create();
var assembly = app.Synth();

try
{
    ComplianceSuite.EnsureCompliant(assembly.Directory);
}
catch (ComplianceException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}

return 0;
