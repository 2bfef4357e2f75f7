// Jest setup (every test file): texts and features come from their modules, as no HtmlService is here.
import { useModuleFeatures } from "./fixtures/features-loader";
import { useModuleTexts } from "./fixtures/texts-loader";

useModuleTexts();
useModuleFeatures();
