// Jest setup (every test file): texts come from the language modules, as no HtmlService is here.
import { useModuleTexts } from "./fixtures/texts-loader";

useModuleTexts();
