package io.shipready.core.steps;

import io.shipready.core.step.StepLibrary;

/** The step library every station has. */
public final class StandardSteps {
  private StandardSteps() {}

  public static StepLibrary library() {
    return new StepLibrary()
        .add(new IdentifyStep())
        .add(new DeviceDetailsStep())
        .add(new ScanStep())
        .add(new FlashStep())
        .add(new RecoverStep())
        .add(new SideloadStep())
        .add(new DeleteImageStep())
        .add(new MeasureStep())
        .add(new ConsoleStep())
        .add(new WifiStep())
        .add(new FuseWriteStep())
        .add(new FuseCheckStep())
        .add(new RfSettingsCheckStep())
        .add(new EthernetCheckStep())
        .add(new ReadyToShipStep())
        .add(new SetStateStep())
        .add(new SetFlagStep())
        .add(new RebootStep())
        .add(new FixturePowerStep())
        .add(new CommandStep())
        .add(new PromptStep())
        .add(new WaitStep())
        .add(new CloudConnectStep())
        .add(new LabelStep())
        .add(new FactoryRowStep())
        .add(new ProvisionQueueStep())
        .add(new ReadVersionsStep())
        .add(new KnownUnitStep())
        .add(new WriteIdentityStep());
  }
}
